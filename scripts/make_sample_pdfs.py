#!/usr/bin/env python3
"""Write the small sample PDFs that the sample site's records refer to.

The files go into ``content/documents/``. Some are **tagged** for accessibility (a structure
tree, ``/MarkInfo << /Marked true >>``, a language and a title shown in the window bar) and
some are deliberately **untagged**, so the site can show both cases: untagged PDFs get a
"Request an accessible format" option and a warning from ``localoffer check``.

The PDF bytes are written by hand, with no timestamps and no random ids, so running the script
again gives byte-for-byte identical files. Run it from anywhere:

    .venv/bin/python scripts/make_sample_pdfs.py

It needs nothing outside the standard library. ``--check`` reads the files back with pypdf (from
the project's virtualenv) and prints page counts and tagging.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "content" / "documents"

PAGE_WIDTH = 595  # A4 in points
PAGE_HEIGHT = 842
MARGIN = 64
FOOTER_Y = 36
AUTHOR = "Anyshire County Council"
PRODUCER = "localoffer sample document generator"

# Advance widths of Helvetica (regular) in 1/1000 em for printable ASCII, from the standard
# font metrics. Good enough to wrap lines; bold text is measured with a small allowance.
_HELVETICA = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  # p..~
]
_OTHER_WIDTHS = {"–": 556, "—": 1000, "’": 222, "‘": 222, "“": 333, "”": 333, "£": 556,
                 "•": 350, "é": 556}


def text_width(text: str, size: float, bold: bool = False) -> float:
    total = 0
    for ch in text:
        code = ord(ch)
        total += _HELVETICA[code - 32] if 32 <= code <= 126 else _OTHER_WIDTHS.get(ch, 556)
    return total * size / 1000 * (1.08 if bold else 1.0)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def pdf_string(text: str) -> str:
    """A PDF literal string in WinAnsi (cp1252) encoding, kept to printable ASCII."""
    out = []
    for byte in text.encode("cp1252"):
        ch = chr(byte)
        if ch in "\\()":
            out.append("\\" + ch)
        elif 32 <= byte <= 126:
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


# --- the document model -------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    kind: str  # "H1", "H2", "P" or "L" (a bulleted list; text holds the items)
    text: str | tuple[str, ...]


def h1(text: str) -> Block:
    return Block("H1", text)


def h2(text: str) -> Block:
    return Block("H2", text)


def p(text: str) -> Block:
    return Block("P", text)


def bullets(*items: str) -> Block:
    return Block("L", items)


@dataclass
class Doc:
    filename: str
    title: str
    tagged: bool
    pages: list[list[Block]]
    body_size: float = 11
    subject: str = ""


# --- writing PDF bytes ----------------------------------------------------------------------


@dataclass
class _Elem:
    """A node of the structure tree (tagged PDFs only)."""

    role: str
    page: int | None = None  # page index for marked content
    mcid: int | None = None
    children: list[_Elem] = field(default_factory=list)


class _Writer:
    def __init__(self) -> None:
        self.objects: list[bytes | None] = []

    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects)

    def set(self, num: int, body: str | bytes) -> None:
        self.objects[num - 1] = body.encode("latin-1") if isinstance(body, str) else body

    def add(self, body: str | bytes) -> int:
        num = self.reserve()
        self.set(num, body)
        return num

    def stream(self, content: str, extra: str = "") -> int:
        data = content.encode("latin-1")
        head = f"<< /Length {len(data)}{extra} >>\nstream\n".encode("latin-1")
        return self.add(head + data + b"\nendstream")

    def output(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for num, body in enumerate(self.objects, start=1):
            assert body is not None, f"object {num} was reserved but never written"
            offsets.append(len(out))
            out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        for offset in offsets:
            out += f"{offset:010d} 00000 n \n".encode()
        out += (
            f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R /Info {info} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        ).encode()
        return bytes(out)


def _layout_page(
    blocks: list[Block], doc: Doc, page_index: int, page_count: int
) -> tuple[str, list[_Elem]]:
    """Return the content stream of one page and its structure elements."""
    ops: list[str] = []
    elems: list[_Elem] = []
    mcid = 0
    y = PAGE_HEIGHT - MARGIN
    width = PAGE_WIDTH - 2 * MARGIN

    def marked(role: str, body: list[str]) -> _Elem:
        nonlocal mcid
        elem = _Elem(role, page=page_index, mcid=mcid)
        if doc.tagged:
            ops.append(f"/{role} << /MCID {mcid} >> BDC")
        ops.extend(body)
        if doc.tagged:
            ops.append("EMC")
        mcid += 1
        return elem

    def text_lines(lines: list[str], x: float, size: float, font: str) -> list[str]:
        nonlocal y
        body = []
        for line in lines:
            y -= size * 1.3
            body.append(f"BT /{font} {size:g} Tf 1 0 0 1 {x:g} {y:.2f} Tm {pdf_string(line)} Tj ET")
        return body

    for block in blocks:
        if block.kind == "H1":
            size = doc.body_size + 9
            elems.append(marked("H1", text_lines(wrap(str(block.text), size, width, True),
                                                 MARGIN, size, "F2")))
            y -= size * 0.6
        elif block.kind == "H2":
            size = doc.body_size + 3
            y -= size * 0.5
            elems.append(marked("H2", text_lines(wrap(str(block.text), size, width, True),
                                                 MARGIN, size, "F2")))
            y -= size * 0.3
        elif block.kind == "P":
            size = doc.body_size
            elems.append(marked("P", text_lines(wrap(str(block.text), size, width),
                                                MARGIN, size, "F1")))
            y -= size * 0.7
        elif block.kind == "L":
            size = doc.body_size
            indent = size * 1.5
            items = []
            for item in block.text:
                top = y
                label = marked("Lbl", [
                    f"BT /F1 {size:g} Tf 1 0 0 1 {MARGIN + size * 0.3:g} {top - size * 1.3:.2f} "
                    f"Tm {pdf_string('•')} Tj ET"
                ])
                y = top
                body = marked("LBody", text_lines(wrap(item, size, width - indent),
                                                  MARGIN + indent, size, "F1"))
                y -= size * 0.3
                items.append(_Elem("LI", children=[label, body]))
            elems.append(_Elem("L", children=items))
            y -= size * 0.4
        else:
            raise ValueError(f"unknown block kind {block.kind!r}")
        if y < FOOTER_Y + 24:
            raise SystemExit(f"{doc.filename}: page {page_index + 1} is too full; split it")

    footer = f"{doc.title} – page {page_index + 1} of {page_count}"
    size = 8
    footer_ops = [
        f"BT /F1 {size} Tf 1 0 0 1 {MARGIN} {FOOTER_Y} Tm {pdf_string(footer)} Tj ET"
    ]
    if doc.tagged:
        ops.append("/Artifact << /Type /Pagination /Subtype /Footer >> BDC")
        ops.extend(footer_ops)
        ops.append("EMC")
    else:
        ops.extend(footer_ops)
    return "\n".join(ops), elems


def build_pdf(doc: Doc) -> bytes:
    w = _Writer()
    catalog = w.reserve()
    pages_num = w.reserve()
    regular = w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                    "/Encoding /WinAnsiEncoding >>")
    bold = w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                 "/Encoding /WinAnsiEncoding >>")
    page_nums: list[int] = []
    all_elems: list[_Elem] = []
    for index, blocks in enumerate(doc.pages):
        content, elems = _layout_page(blocks, doc, index, len(doc.pages))
        contents = w.stream(content)
        page = w.reserve()
        tagging = f" /StructParents {index} /Tabs /S" if doc.tagged else ""
        w.set(page, (
            f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> "
            f"/Contents {contents} 0 R{tagging} >>"
        ))
        page_nums.append(page)
        all_elems.extend(elems)
    kids = " ".join(f"{n} 0 R" for n in page_nums)
    w.set(pages_num, f"<< /Type /Pages /Kids [{kids}] /Count {len(page_nums)} >>")

    info = w.add(
        f"<< /Title {pdf_string(doc.title)} /Author {pdf_string(AUTHOR)} "
        f"/Subject {pdf_string(doc.subject or doc.title)} /Producer {pdf_string(PRODUCER)} >>"
    )

    if not doc.tagged:
        w.set(catalog, f"<< /Type /Catalog /Pages {pages_num} 0 R >>")
        return w.output(catalog, info)

    # The structure tree: StructTreeRoot > Document > H1, H2, P, L > LI > Lbl, LBody.
    tree_root = w.reserve()
    document = w.reserve()
    parent_tree: dict[int, dict[int, int]] = {i: {} for i in range(len(page_nums))}

    def write_elem(elem: _Elem, parent: int) -> int:
        num = w.reserve()
        if elem.mcid is not None and elem.page is not None:
            parent_tree[elem.page][elem.mcid] = num
            kids_text = f"/Pg {page_nums[elem.page]} 0 R /K {elem.mcid}"
        else:
            child_nums = [write_elem(child, num) for child in elem.children]
            kids_text = "/K [" + " ".join(f"{n} 0 R" for n in child_nums) + "]"
        w.set(num, f"<< /Type /StructElem /S /{elem.role} /P {parent} 0 R {kids_text} >>")
        return num

    top = [write_elem(elem, document) for elem in all_elems]
    w.set(document, "<< /Type /StructElem /S /Document /P {} 0 R /K [{}] >>".format(
        tree_root, " ".join(f"{n} 0 R" for n in top)))
    nums = []
    for page_index, mapping in parent_tree.items():
        refs = " ".join(f"{mapping[m]} 0 R" for m in sorted(mapping))
        nums.append(f"{page_index} [{refs}]")
    w.set(tree_root, (
        f"<< /Type /StructTreeRoot /K [{document} 0 R] "
        f"/ParentTree << /Nums [{' '.join(nums)}] >> /ParentTreeNextKey {len(page_nums)} >>"
    ))
    w.set(catalog, (
        f"<< /Type /Catalog /Pages {pages_num} 0 R /MarkInfo << /Marked true >> "
        f"/StructTreeRoot {tree_root} 0 R /Lang (en-GB) "
        f"/ViewerPreferences << /DisplayDocTitle true >> >>"
    ))
    return w.output(catalog, info)


# --- the sample documents -------------------------------------------------------------------

SHORT_BREAKS = Doc(
    filename="short-breaks-statement-2027-consultation.pdf",
    title="Short breaks services statement 2027: consultation document",
    tagged=True,
    pages=[
        [
            h1("Short breaks services statement 2027"),
            p("Consultation document. Anyshire County Council. The consultation is open from "
              "2 November 2026 to 5pm on 15 January 2027."),
            h2("About this consultation"),
            p("Short breaks give disabled children and young people the chance to have fun, "
              "make friends and try new things. They also give parents and carers a break from "
              "caring. Every council must publish a short breaks services statement. It says "
              "what short breaks there are, who can use them and how to get them."),
            p("Our current statement was written in 2023. Since then, families have told us "
              "that it is hard to find out what is on offer, that holiday places fill up too "
              "quickly, and that there is not enough for young people aged 16 to 25. We want "
              "to write a new statement with you."),
            h2("What we are proposing"),
            bullets(
                "Keep the short breaks that do not need an assessment, and add more of them in "
                "the north and west of the county.",
                "Let families ask for a short breaks budget through one simple online form.",
                "Set aside at least 20 holiday places a week for young people aged 16 to 25.",
                "Publish every short break, with its cost and accessibility, on the Local Offer.",
            ),
        ],
        [
            h2("Short breaks you can use without an assessment"),
            p("These are clubs, activities and play schemes that any disabled child or young "
              "person in Anyshire can join. You do not need a social worker or an EHC plan. "
              "Examples are the sensory swim in Marrowby, wheelchair basketball in Westerholm "
              "and the holiday activity camp at Brackenfold Country Park."),
            p("We propose to add at least six new groups by September 2027, chosen with "
              "families. Most new groups would be in Kestleford and Westerholm, where families "
              "have to travel furthest today."),
            h2("Short breaks budgets"),
            p("A short breaks budget is money you can spend on breaks that suit your family. "
              "At the moment you ask for one through your social worker or by phone. We "
              "propose one online form, with a paper and phone option for anyone who needs it. "
              "We would reply within 20 working days."),
            h2("Young people aged 16 to 25"),
            p("Young people told the SEND Youth Forum that most short breaks feel too young for "
              "them. We propose evening and weekend sessions run with young people, such as "
              "cooking, gaming and travel training, and at least 20 holiday places a week for "
              "this age group."),
        ],
        [
            h2("Questions we would like you to answer"),
            bullets(
                "Which short breaks does your family use now, and what works well?",
                "What stops you using short breaks? For example cost, travel, times or "
                "information.",
                "Would a single online form make it easier to ask for a short breaks budget?",
                "What would you like to see for young people aged 16 to 25?",
            ),
            h2("How to respond"),
            p("You can answer online on our Have your say website, by email to "
              "shortbreaks@anyshire.example, by post to the Short Breaks Team, County Hall, "
              "Anbury AY1 1AA, or by phone on 01632 960 123. You can also come to one of our "
              "drop-in events. There is an Easy Read version of this document."),
            h2("What happens next"),
            p("We will read every response. We will publish what you told us, and what we are "
              "going to do about it, on the Local Offer by the end of March 2027. The new "
              "statement will start in April 2027."),
        ],
    ],
)

SHORT_BREAKS_EASY_READ = Doc(
    filename="short-breaks-statement-2027-easy-read.pdf",
    title="Short breaks: tell us what you think (Easy Read)",
    tagged=True,
    body_size=16,
    pages=[
        [
            h1("Short breaks: tell us what you think"),
            p("This is an Easy Read document."),
            p("Short breaks are fun things to do for disabled children and young people."),
            p("Like clubs, swimming, sports and holiday play schemes."),
            p("They give parents and carers a rest too."),
        ],
        [
            h2("What we want to change"),
            bullets(
                "More clubs in the north and west of Anyshire.",
                "One easy form to ask for money for short breaks.",
                "More things to do for young people aged 16 to 25.",
                "All short breaks on the Local Offer website.",
            ),
        ],
        [
            h2("Tell us what you think"),
            p("You can fill in a form online."),
            p("You can send an email to shortbreaks@anyshire.example."),
            p("You can phone us on 01632 960 123."),
            p("You can come and talk to us at a drop-in."),
        ],
        [
            h2("When?"),
            p("Tell us by 5pm on 15 January 2027."),
            h2("What happens next?"),
            p("We will read what everyone says."),
            p("We will tell you what we are going to do by the end of March 2027."),
        ],
    ],
)

PREPARING_FOR_ADULTHOOD = Doc(
    filename="preparing-for-adulthood-pathway-draft.pdf",
    title="Preparing for adulthood pathway: draft for consultation",
    tagged=False,
    pages=[
        [
            h1("Preparing for adulthood pathway (draft)"),
            p("Anyshire County Council and Anyshire Integrated Care Board. Draft for "
              "consultation, October 2026."),
            h2("Why we need a pathway"),
            p("Moving from children's to adult services can be hard. Young people and their "
              "families have told us that planning starts too late, that they have to repeat "
              "their story to every new worker, and that they do not know who to ask."),
            p("This pathway sets out what should happen, and when, from Year 9 (age 13 to 14) "
              "until age 25. It covers education and training, work, health, where to live, "
              "friends and being part of the community."),
            h2("What should happen, by age"),
            bullets(
                "Age 14: a preparing for adulthood review at the annual review of the EHC plan.",
                "Age 16: a named transition worker for young people who may need adult social "
                "care.",
                "Age 17: a health transition plan agreed with the young person's doctors.",
                "Age 18: adult services in place, with no gap in support.",
            ),
        ],
        [
            h2("What we would like to know"),
            p("Is this the right order? Is anything missing? What would help you most? We "
              "especially want to hear from young people aged 14 to 25."),
            h2("What happens next"),
            p("The consultation closes on 28 February 2027. We will publish a summary of what "
              "people said and the final pathway in spring 2027."),
        ],
    ],
)

YOUNG_INSPECTORS_REPORT = Doc(
    filename="young-inspectors-report-local-offer-2026.pdf",
    title="Young Inspectors report: the Anyshire Local Offer website, 2026",
    tagged=True,
    pages=[
        [
            h1("Young Inspectors report: the Local Offer website"),
            p("Written by the Anyshire SEND Young Inspectors, aged 6 to 19, with support from "
              "the Participation Team. Presented on 14 October 2026."),
            h2("Who we are"),
            p("We are children and young people with special educational needs and "
              "disabilities. We visit services, try them out and say what is good and what "
              "needs to change. This year 14 of us inspected the Local Offer website."),
            h2("What we did"),
            bullets(
                "We looked for five things that a family might need, on phones, tablets and "
                "laptops.",
                "We timed how long it took to find each one.",
                "Some of us used a screen reader or made the text bigger.",
                "We wrote down what we liked and what made us cross.",
            ),
        ],
        [
            h2("Our scores"),
            p("We gave the website a score out of 5 for each thing we tested."),
            bullets(
                "Finding a holiday club: 3 out of 5.",
                "Finding out how to get an EHC plan: 2 out of 5.",
                "Finding the youth forum: 4 out of 5.",
                "Using it on a phone: 3 out of 5.",
                "Understanding the words: 2 out of 5.",
            ),
            p("Our average score is 2.8 out of 5."),
        ],
        [
            h2("What we liked"),
            bullets(
                "The events list is easy to read and shows if things are free.",
                "The pictures of the places make it less scary to go somewhere new.",
                "The youth forum page is written for young people, not just for adults.",
            ),
            h2("What we did not like"),
            bullets(
                "Too many long words. One page said 'graduated approach' and nobody knew what "
                "it meant.",
                "Some documents are PDFs that do not work with a screen reader.",
                "The search found old pages from 2022.",
                "The pink text on the grey buttons was hard to read.",
            ),
        ],
        [
            h2("In our own words"),
            p("\"I wanted to find swimming for my brother and it took me ages.\" (age 9)"),
            p("\"When I made the writing bigger the menu went on top of everything.\" (age 15)"),
            p("\"I liked that it said if there was a quiet room.\" (age 12)"),
            p("\"It should say what things cost before you have to ring up.\" (age 17)"),
            p("\"More pictures please.\" (age 6)"),
        ],
        [
            h2("Our recommendations"),
            bullets(
                "Explain every long word the first time it is used, or use a shorter one.",
                "Make every document work with a screen reader, or offer another version.",
                "Remove old pages and check the search every month.",
                "Fix the colours so text is easy to read for everyone.",
                "Show the cost and the accessibility of every activity.",
                "Ask Young Inspectors to check the website again next year.",
            ),
        ],
        [
            h2("What the council said"),
            p("The Local Offer team came to our presentation. They agreed with all six "
              "recommendations. They said they would fix the colours and the search first, and "
              "that every new page will be checked by a young person before it goes live."),
            p("You can read each of our comments and the council's answers in \"You said, we "
              "did\" on the Local Offer website."),
        ],
        [
            h2("Thank you"),
            p("Thank you to everyone who helped: the Participation Team, the Local Offer team, "
              "Anbury Library for the room, and our parents and carers for the lifts."),
            h2("Want to join us?"),
            p("Young Inspectors are aged 6 to 19 and live or go to school in Anyshire. You do "
              "not need any experience. We meet every other Saturday in term time, and we get "
              "a certificate and a voucher for every inspection. Ask the Participation Team "
              "by emailing participation@anyshire.example."),
        ],
    ],
)

YOUTH_FORUM_NOTES = Doc(
    filename="send-youth-forum-notes-2026-10.pdf",
    title="SEND Youth Forum: notes of the meeting on 13 October 2026",
    tagged=False,
    pages=[
        [
            h1("SEND Youth Forum: meeting notes"),
            p("Tuesday 13 October 2026, 5pm to 6:30pm, Sallowmouth Youth Hub and online. "
              "17 members came (11 in the room, 6 online), with 2 youth workers."),
            h2("1. Short breaks for older young people"),
            p("Members said most short breaks are for younger children. Ideas for the new "
              "short breaks statement: a gaming night, a cooking club, and help to learn to "
              "travel on the bus. The Short Breaks Team will bring the draft statement to the "
              "November meeting."),
            h2("2. Local Offer website"),
            p("Members tested the new events calendar on their phones. They liked the "
              "engagement filter but said the word 'engagement' is confusing. Suggestion: "
              "'Have your say'. The Local Offer team will take this away."),
            h2("3. Residential 2027"),
            p("Members voted for an outdoor activity weekend at Brackenfold in July 2027."),
            h2("Actions"),
            bullets(
                "Short Breaks Team: bring the draft statement to the November meeting.",
                "Local Offer team: reply about the word 'engagement' by December.",
                "Youth workers: get prices for the residential.",
            ),
        ],
    ],
)

PARENT_CARER_FORUM_NOTES = Doc(
    filename="parent-carer-forum-notes-2026-09.pdf",
    title="Anyshire Parent Carer Forum: notes of the open meeting, September 2026",
    tagged=False,
    pages=[
        [
            h1("Anyshire Parent Carer Forum: open meeting notes"),
            p("Thursday 17 September 2026, 6:30pm to 8:30pm, The Kestleford Centre. 23 parents "
              "and carers came, with officers from education, health and social care."),
            h2("1. Home to school transport"),
            p("The SEND Transport Team explained the new travel assistance policy, which "
              "started in September. Parents said that letters about routes came too late, "
              "some only two days before term. The team apologised and agreed to send route "
              "details at least 10 working days before term from January."),
            h2("2. EHC plan annual reviews"),
            p("Several parents said annual reviews are late and the paperwork changes every "
              "year. The council said it plans to consult on a new annual review process in "
              "early 2027, and asked the forum to help design it."),
        ],
        [
            h2("3. Local Offer website"),
            p("Parents welcomed the new events calendar. They asked for a way to see only "
              "events where they can give their views, and for the calendar to work with phone "
              "calendars. Both are planned."),
            h2("4. Any other business"),
            p("The forum is looking for more members from the west of the county. The next "
              "open meeting is in January 2027."),
            h2("Actions"),
            bullets(
                "SEND Transport Team: route letters 10 working days before term.",
                "SEND Service: invite the forum to co-design the annual review process.",
                "Local Offer team: engagement filter and calendar feeds.",
            ),
        ],
    ],
)

TRANSPORT_OUTCOME = Doc(
    filename="home-to-school-transport-outcome-2026.pdf",
    title="Home to school travel assistance policy: consultation outcome",
    tagged=True,
    pages=[
        [
            h1("Home to school travel assistance: what we decided"),
            p("Anyshire County Council, May 2026."),
            h2("What we asked"),
            p("From 12 January to 8 March 2026 we asked families, young people, schools and "
              "colleges about changes to how we help children and young people with SEND get "
              "to school or college. We had 412 responses."),
            h2("What you told us"),
            bullets(
                "Most people (71%) supported personal travel budgets as an option, but not as "
                "the only option.",
                "Many parents were worried about independent travel training being made "
                "compulsory.",
                "Young people aged 16 to 19 wanted the same help as younger pupils.",
            ),
        ],
        [
            h2("What we decided"),
            bullets(
                "Personal travel budgets will be offered, but families can still choose a "
                "place on council transport.",
                "Independent travel training will be offered, not required.",
                "Post-16 students will get the same assessment as younger pupils.",
            ),
            h2("When the changes happen"),
            p("The new policy started in September 2026. We will review it with the Parent "
              "Carer Forum and the SEND Youth Forum in summer 2027."),
        ],
    ],
)

CO_PRODUCTION_CHARTER = Doc(
    filename="anyshire-co-production-charter.pdf",
    title="Anyshire co-production charter",
    tagged=True,
    pages=[
        [
            h1("Anyshire co-production charter"),
            p("Agreed by Anyshire County Council, Anyshire Integrated Care Board, the Anyshire "
              "Parent Carer Forum and the SEND Youth Forum."),
            h2("What co-production means"),
            p("Co-production means families, young people and professionals working together "
              "as equals, from the start, to design, deliver and review services. It is more "
              "than asking people what they think once a plan is already written."),
            h2("Our promises"),
            bullets(
                "We involve families and young people from the start, not at the end.",
                "We share information early, in plain English and in accessible formats.",
                "We pay expenses and offer payment for time, childcare and travel.",
                "We meet at times and places that work for families.",
                "We say what we have done with what people told us.",
            ),
        ],
        [
            h2("In education"),
            p("Schools and colleges plan support with the child or young person and their "
              "family, and review it together at least three times a year."),
            h2("In health"),
            p("Health services ask children and young people what matters to them, and agree "
              "goals with them before deciding on treatment or therapy."),
            h2("In social care"),
            p("Social workers write assessments and plans with the family, using the family's "
              "own words, and share drafts before they are final."),
            h2("Checking we keep our promises"),
            p("The SEND Partnership Board reviews this charter every year with the Parent "
              "Carer Forum and the SEND Youth Forum, and publishes what it finds."),
        ],
    ],
)

YOUTH_FORUM_QUESTIONNAIRE = Doc(
    filename="send-youth-forum-questionnaire.pdf",
    title="SEND Youth Forum questionnaire: what matters to you?",
    tagged=True,
    body_size=12,
    pages=[
        [
            h1("What matters to you?"),
            p("A questionnaire from the Anyshire SEND Youth Forum for young people aged 11 to "
              "25. It takes about 10 minutes. You do not have to give your name."),
            h2("About you"),
            bullets(
                "How old are you? 11 to 13, 14 to 16, 17 to 19, 20 to 25.",
                "Which part of Anyshire do you live in? North, south, east or west.",
                "Are you at school, college, work, or something else?",
            ),
            h2("Things to do"),
            bullets(
                "What do you do in your free time?",
                "Is there anything you would like to do but cannot? What stops you?",
            ),
        ],
        [
            h2("Support"),
            bullets(
                "Who helps you most at school or college?",
                "Do you know what is in your EHC plan, if you have one?",
                "Have you been asked what you think at your annual review?",
            ),
            h2("The future"),
            bullets(
                "What would you like to be doing in five years' time?",
                "What would help you get there?",
            ),
            h2("Send it back"),
            p("Give it to a youth worker, post it to the Participation Team, County Hall, "
              "Anbury AY1 1AA, or fill it in online. Thank you!"),
        ],
    ],
)

SPEECH_SCHOOL_PACK = Doc(
    filename="speech-language-therapy-school-pack.pdf",
    title="Talking and understanding at school: a pack for classes",
    tagged=True,
    body_size=12,
    pages=[
        [
            h1("Talking and understanding at school"),
            p("A pack for teachers in Anyshire schools to run a short lesson with their class "
              "and send us what the children and young people think about help with talking "
              "and understanding. It takes about 30 minutes."),
            h2("In class"),
            bullets(
                "Talk about what makes it easy or hard to understand people at school.",
                "Ask who helps when someone finds talking hard.",
                "Write or draw one thing that would make school better.",
            ),
            h2("Send it back"),
            p("Scan or photograph the answers, with no names on them, and email them to "
              "therapies@anyshire.example by 31 January 2027."),
        ],
    ],
)

DOCUMENTS = [
    SHORT_BREAKS,
    SHORT_BREAKS_EASY_READ,
    PREPARING_FOR_ADULTHOOD,
    YOUNG_INSPECTORS_REPORT,
    YOUTH_FORUM_NOTES,
    PARENT_CARER_FORUM_NOTES,
    TRANSPORT_OUTCOME,
    CO_PRODUCTION_CHARTER,
    YOUTH_FORUM_QUESTIONNAIRE,
    SPEECH_SCHOOL_PACK,
]


def check(out_dir: Path) -> int:
    """Read the files back with pypdf and report pages, tagging and text."""
    from pypdf import PdfReader

    failures = 0
    for doc in DOCUMENTS:
        reader = PdfReader(out_dir / doc.filename)
        root = reader.trailer["/Root"]
        marked = bool(root.get("/MarkInfo", {}).get("/Marked", False))
        tagged = marked and "/StructTreeRoot" in root
        text = "".join(page.extract_text() for page in reader.pages)
        ok = (
            len(reader.pages) == len(doc.pages)
            and tagged == doc.tagged
            and (root.get("/Lang") == "en-GB") == doc.tagged
            and reader.metadata is not None
            and reader.metadata.title == doc.title
            and len(text.split()) > 20
        )
        failures += not ok
        size = (out_dir / doc.filename).stat().st_size
        print(f"{'ok  ' if ok else 'FAIL'} {doc.filename}: {len(reader.pages)} pages, "
              f"{'tagged' if tagged else 'untagged'}, {size} bytes, {len(text.split())} words")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder to write into")
    parser.add_argument("--check", action="store_true", help="read the files back with pypdf")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for doc in DOCUMENTS:
        (args.out / doc.filename).write_bytes(build_pdf(doc))
        print(f"wrote {args.out / doc.filename}")
    return check(args.out) if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
