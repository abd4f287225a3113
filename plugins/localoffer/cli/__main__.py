import sys

from localoffer.cli.main import main

sys.exit(main())
