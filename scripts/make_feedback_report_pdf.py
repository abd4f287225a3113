#!/usr/bin/env python3
"""Write the sample site's "You said, we did" report published as a document only:
``content/documents/parent-carer-forum-annual-report-2025-26.pdf`` (tagged, three pages).

It uses the hand-written PDF writer of ``make_sample_pdfs.py`` (no timestamps, no random ids),
so running it again gives the same bytes:

    .venv/bin/python scripts/make_feedback_report_pdf.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_sample_pdfs import OUT_DIR, Doc, build_pdf, bullets, h1, h2, p

REPORT = Doc(
    filename="parent-carer-forum-annual-report-2025-26.pdf",
    title="Anyshire Parent Carer Forum: what families told us, 2025 to 2026",
    tagged=True,
    subject="The forum's annual report of parents' and carers' views, with the council's "
    "response",
    pages=[
        [
            h1("What families told us, 2025 to 2026"),
            p("Anyshire Parent Carer Forum gathers the views of parents and carers of children "
              "and young people with special educational needs and disabilities (SEND) all "
              "year, at coffee mornings, open meetings and online. This report sums up what "
              "families told us between September 2025 and August 2026, and what the council "
              "and health services said they would do."),
            h2("Who we heard from"),
            p("We heard from 312 parents and carers at 18 meetings and through our online "
              "survey. Everything in this report is anonymised: no family can be identified."),
        ],
        [
            h2("What families told us"),
            bullets(
                "Annual reviews of EHC plans are often late, and families are not told why.",
                "Letters about school transport routes arrive too close to the start of term.",
                "Families want more short breaks in the school holidays, close to home.",
                "The Local Offer website has improved, but health services are hard to find.",
            ),
            h2("What the council and health services said they would do"),
            p("The council will consult on a new annual review process in early 2027, with the "
              "forum helping to design it. Route letters will be sent at least 10 working days "
              "before term. The short breaks statement for 2027 adds holiday schemes in the "
              "north and west. Health services will add their entries to the Local Offer."),
        ],
        [
            h2("What happens next"),
            p("The forum will check each of these promises at its open meetings in 2027 and "
              "report back in next year's report. To take part, contact Anyshire Parent Carer "
              "Forum through the Local Offer website."),
        ],
    ],
)


def main() -> int:
    path = OUT_DIR / REPORT.filename
    path.write_bytes(build_pdf(REPORT))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
