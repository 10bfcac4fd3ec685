#!/usr/bin/python3
"""
The peer of `npm run bench`'s 纪要 row (issue 7): the same 常务会议 纪要 built with python-docx (Debian's python3-docx),
from the data bench/word.ts passes as JSON on stdin ({"runs", "warmup", "minutes": MinutesPrint}), laid out as
src-main/meetings/docx.ts and src-main/print/gbt9704.ts lay it out: A4 with the GB/T 9704 margins and 22-line grid,
every run with its East Asian font (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312) and size, the red mark and separator,
一、 headings, 出席 lines, the 版记 as a floating table, page numbers odd right and even left.

It times its own build and save to an in-memory file (warm-up first; the interpreter's start-up is not counted) and
prints {"median", "p95", "runs"} in ms. Exit status 3: python-docx is not installed.
"""
import io
import json
import math
import re
import sys
import time

try:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Twips
except ImportError:
    sys.exit(3)

# Figures as in src-main/print/gbt9704.ts (twips; sizes in half-points as w:sz has them).
PAGE_W, PAGE_H = 11906, 16838
MARGIN = {'top': 2098, 'left': 1587, 'bottom': 1984, 'right': 1474}
TYPE_W = PAGE_W - MARGIN['left'] - MARGIN['right']
HEADER_DISTANCE, FOOTER_DISTANCE = 851, 1247
LINE_PITCH = 578
CHAR = 320
HAO2, HAO3, HAO4 = 44, 32, 28
BODY_CHARACTER_SPACING = -5
MARK_OFFSET = 1984
MARK_INK_INSET = 0.12
FANGSONG, XIAOBIAOSONG, HEI, KAI, SONG = '仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体'
RED = RGBColor(0xFF, 0, 0)
THICK, THIN = 8, 6

SUB_HEADING = re.compile(r'^(（[一二三四五六七八九十]+）)([^。]{0,30}。)?')
NUMBERED = re.compile(r'^[一二三四五六七八九十]+、')
ISO_DATE = re.compile(r'^(\d{4})-(\d{2})-(\d{2})$')

# Child order of w:rPr, w:pPr and w:tblPr (ECMA-376): python-docx keeps it for the properties it knows; the others
# (East Asian fonts, character spacing, w:szCs, w:lang, snapToGrid, borders, floating) go in with put().
RPR = ('w:rStyle', 'w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:caps', 'w:smallCaps', 'w:strike', 'w:dstrike',
       'w:outline', 'w:shadow', 'w:emboss', 'w:imprint', 'w:noProof', 'w:snapToGrid', 'w:vanish', 'w:webHidden',
       'w:color', 'w:spacing', 'w:w', 'w:kern', 'w:position', 'w:sz', 'w:szCs', 'w:highlight', 'w:u', 'w:effect',
       'w:bdr', 'w:shd', 'w:fitText', 'w:vertAlign', 'w:rtl', 'w:cs', 'w:em', 'w:lang', 'w:eastAsianLayout',
       'w:specVanish', 'w:oMath')
PPR = ('w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl', 'w:numPr',
       'w:suppressLineNumbers', 'w:pBdr', 'w:shd', 'w:tabs', 'w:suppressAutoHyphens', 'w:kinsoku', 'w:wordWrap',
       'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd',
       'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc',
       'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr',
       'w:sectPr', 'w:pPrChange')
TBLPR = ('w:tblStyle', 'w:tblpPr', 'w:tblOverlap', 'w:bidiVisual', 'w:tblStyleRowBandSize', 'w:tblStyleColBandSize',
         'w:tblW', 'w:jc', 'w:tblCellSpacing', 'w:tblInd', 'w:tblBorders', 'w:shd', 'w:tblLayout', 'w:tblCellMar',
         'w:tblLook', 'w:tblCaption', 'w:tblDescription', 'w:tblPrChange')


def element(tag, **attrs):
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(k.replace('_', ':', 1)), str(v))
    return el


def put(parent, el, order):
    """Inserts el where the schema's order puts it among parent's children."""
    tag = el.tag.split('}')[1]
    parent.insert_element_before(el, *order[order.index(f'w:{tag}') + 1:])
    return el


def js_round(x):
    return math.floor(x + 0.5)


def chinese_date(d):
    m = ISO_DATE.match(d)
    return f'{int(m[1])}年{int(m[2])}月{int(m[3])}日' if m else d


def chinese_number(n):
    d = '零一二三四五六七八九'
    if n < 10:
        return d[n]
    tens = n // 10
    return f"{'' if tens == 1 else d[tens]}十{'' if n % 10 == 0 else d[n % 10]}"


def text_width(text, size=HAO3):
    halves = sum(1 if ord(ch) < 0x2000 else 2 for ch in text)
    return halves * size * 10 // 2


def set_fonts(font_obj, rpr, font):
    """ascii, hAnsi, eastAsia and cs all named, as Word and WPS need for Chinese text."""
    font_obj.name = font
    rfonts = rpr.rFonts
    rfonts.set(qn('w:eastAsia'), font)
    rfonts.set(qn('w:cs'), font)
    rfonts.set(qn('w:hint'), 'eastAsia')


def size_and_language(rpr, size):
    put(rpr, element('w:szCs', w_val=size), RPR)
    put(rpr, element('w:lang', w_val='en-US', w_eastAsia='zh-CN'), RPR)


def add_run(p, text, font=FANGSONG, size=HAO3, color=None):
    r = p.add_run(text)
    rpr = r._r.get_or_add_rPr()
    set_fonts(r.font, rpr, font)
    r.font.size = Pt(size / 2)
    if color is not None:
        r.font.color.rgb = color
    if size == HAO3:
        put(rpr, element('w:spacing', w_val=BODY_CHARACTER_SPACING), RPR)
    size_and_language(rpr, size)
    return r


def exact(p, line=LINE_PITCH, before=0):
    pf = p.paragraph_format
    pf.line_spacing = Twips(line)
    pf.space_before = Twips(before)
    pf.space_after = Twips(0)
    return pf


def off_grid(p):
    put(p._p.get_or_add_pPr(), element('w:snapToGrid', w_val=0), PPR)
    return p


def paragraph(doc, parts, alignment=None, **indent):
    """parts: (text, font) pairs in 3号."""
    p = doc.add_paragraph()
    pf = exact(p)
    if alignment is not None:
        pf.alignment = alignment
    if 'first' in indent:
        pf.first_line_indent = Twips(indent['first'])
    if 'left' in indent:
        pf.left_indent = Twips(indent['left'])
    if 'hanging' in indent:
        pf.first_line_indent = Twips(-indent['hanging'])
    if 'right' in indent:
        pf.right_indent = Twips(indent['right'])
    for text, font in parts:
        add_run(p, text, font)
    return p


def blank_line(doc):
    return paragraph(doc, [('', FANGSONG)])


def body_paragraph(doc, text):
    return paragraph(doc, [(text, FANGSONG)], WD_ALIGN_PARAGRAPH.JUSTIFY, first=2 * CHAR)


def heading_paragraph(doc, heading, font, rest=None):
    parts = [(heading, font)] + ([(rest, FANGSONG)] if rest else [])
    return paragraph(doc, parts, WD_ALIGN_PARAGRAPH.JUSTIFY, first=2 * CHAR)


def text_paragraphs(doc, text):
    for t in (s.strip() for s in (text.splitlines() if isinstance(text, str) else text)):
        if not t:
            continue
        m = SUB_HEADING.match(t)
        if not m:
            body_paragraph(doc, t)
        else:
            heading_paragraph(doc, m[0], KAI, t[len(m[0]):] or None)


def numbered_heading(doc, i, heading):
    h = heading.strip()
    heading_paragraph(doc, h if NUMBERED.match(h) else f'{chinese_number(i + 1)}、{h}', HEI)


def red_mark(doc, text):
    fit = math.floor((TYPE_W / 20 / len(text)) * 2 * 0.92)
    size = min(72, fit)
    line = js_round(size * 10 * 1.2)
    ink_top = js_round((line - size * 10) / 2 + MARK_INK_INSET * size * 10)
    p = doc.add_paragraph()
    off_grid(p)
    exact(p, line, max(0, MARK_OFFSET - ink_top)).alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(p, text, XIAOBIAOSONG, size, RED)


def spread_line(doc, left, right):
    p = paragraph(doc, [(left, FANGSONG), (f'\t{right}', FANGSONG)], left=CHAR, right=CHAR)
    p.paragraph_format.tab_stops.add_tab_stop(Twips(TYPE_W - CHAR), WD_TAB_ALIGNMENT.RIGHT)


def border(tag, size, color):
    return element(tag, w_val='single' if size else 'none', w_sz=size, w_space=0, w_color=color)


def red_separator(doc):
    p = doc.add_paragraph()
    off_grid(p)
    exact(p, 150)
    put(p._p.get_or_add_pPr(), element('w:pBdr'), PPR).append(border('w:bottom', 18, 'FF0000'))
    add_run(p, '', FANGSONG, 2)


def attendance_lines(doc, lines):
    for label, names in lines:
        lab = label if label.endswith('：') else f'{label}：'
        w = text_width(lab)
        paragraph(doc, [(lab, HEI), ('、'.join(names), FANGSONG)], WD_ALIGN_PARAGRAPH.JUSTIFY, left=2 * CHAR + w, hanging=w)


def closing_block(doc, cc, printer, print_date, cc_label='分送'):
    """版记: 分送 and 印发 in 4号仿宋 between thick and thin rules, a one-column table floated to the foot of the page."""
    one = HAO4 * 10
    rows = []
    if cc:
        rows.append('cc')
    rows.append('printer')
    table = doc.add_table(rows=len(rows), cols=1)
    table.autofit = False
    tblPr = table._tbl.tblPr
    put(tblPr, element('w:tblpPr', w_horzAnchor='page', w_tblpX=MARGIN['left'], w_vertAnchor='margin', w_tblpYSpec='bottom'), TBLPR)
    put(tblPr, element('w:tblOverlap', w_val='never'), TBLPR)
    tblPr.find(qn('w:tblW')).set(qn('w:w'), str(TYPE_W))
    tblPr.find(qn('w:tblW')).set(qn('w:type'), 'dxa')
    table.columns[0].width = Twips(TYPE_W)
    for i, (kind, row) in enumerate(zip(rows, table.rows)):
        trPr = row._tr.get_or_add_trPr()
        trPr.append(OxmlElement('w:cantSplit'))
        cell = row.cells[0]
        cell.width = Twips(TYPE_W)
        tcPr = cell._tc.get_or_add_tcPr()
        borders = element('w:tcBorders')
        borders.append(border('w:top', THICK if i == 0 else THIN, '000000'))
        borders.append(border('w:left', 0, 'auto'))
        borders.append(border('w:bottom', THICK if i == len(rows) - 1 else THIN, '000000'))
        borders.append(border('w:right', 0, 'auto'))
        tcPr.append(borders)
        mar = element('w:tcMar')
        for side in ('top', 'left', 'bottom', 'right'):
            mar.append(element(f'w:{side}', w_w=0, w_type='dxa'))
        tcPr.append(mar)
        p = cell.paragraphs[0]
        pf = exact(p)
        if kind == 'cc':
            label = f'{cc_label}：'
            w = text_width(label, HAO4)
            text = re.sub(r'[。.]?$', '。', '，'.join(cc), count=1)
            pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            pf.left_indent, pf.first_line_indent, pf.right_indent = Twips(one + w), Twips(-w), Twips(one)
            add_run(p, label + text, FANGSONG, HAO4)
        else:
            pf.left_indent, pf.right_indent = Twips(one), Twips(one)
            pf.tab_stops.add_tab_stop(Twips(TYPE_W - one), WD_TAB_ALIGNMENT.RIGHT)
            add_run(p, printer, FANGSONG, HAO4)
            add_run(p, f'\t{chinese_date(print_date)}印发', FANGSONG, HAO4)
    anchor = doc.add_paragraph()
    exact(anchor, 20)
    add_run(anchor, '', FANGSONG, 2)


def page_number(footer, align, indent):
    p = footer.paragraphs[0]
    p.paragraph_format.alignment = align
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        p.paragraph_format.right_indent = Twips(indent)
    else:
        p.paragraph_format.left_indent = Twips(indent)
    add_run(p, '— ', SONG, HAO4)
    r = add_run(p, '', SONG, HAO4)
    instr = element('w:instrText', xml_space='preserve')
    instr.text = ' PAGE '
    for el in (element('w:fldChar', w_fldCharType='begin'), instr, element('w:fldChar', w_fldCharType='separate'),
               element('w:fldChar', w_fldCharType='end')):
        r._r.append(el)
    add_run(p, ' —', SONG, HAO4)


def page_setup(doc):
    s = doc.sections[0]
    s.page_width, s.page_height = Twips(PAGE_W), Twips(PAGE_H)
    s.top_margin, s.left_margin = Twips(MARGIN['top']), Twips(MARGIN['left'])
    s.bottom_margin, s.right_margin = Twips(MARGIN['bottom']), Twips(MARGIN['right'])
    s.header_distance, s.footer_distance, s.gutter = Twips(HEADER_DISTANCE), Twips(FOOTER_DISTANCE), Twips(0)
    grid = s._sectPr.find(qn('w:docGrid'))
    grid.set(qn('w:type'), 'lines')
    grid.set(qn('w:linePitch'), str(LINE_PITCH))
    doc.settings.odd_and_even_pages_header_footer = True
    page_number(s.footer, WD_ALIGN_PARAGRAPH.RIGHT, HAO4 * 10)
    page_number(s.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, HAO4 * 10)


def default_style(doc):
    normal = doc.styles['Normal']
    rpr = normal.element.get_or_add_rPr()
    set_fonts(normal.font, rpr, FANGSONG)
    normal.font.size = Pt(HAO3 / 2)
    size_and_language(rpr, HAO3)
    pf = normal.paragraph_format
    pf.line_spacing = Twips(LINE_PITCH)
    pf.space_before = pf.space_after = Twips(0)


def minutes_docx(data):
    """纪要 (GB/T 9704 §10.2) as src-main/meetings/docx.ts minutesDocx builds it."""
    doc = Document()
    doc.core_properties.title = data['mark']
    doc.core_properties.author = '三办'
    default_style(doc)
    page_setup(doc)
    settings, att = data['settings'], data['attendance']
    red_mark(doc, data['mark'])
    blank_line(doc)
    paragraph(doc, [(data['number'], FANGSONG)], WD_ALIGN_PARAGRAPH.CENTER)
    spread_line(doc, settings['officeName'], chinese_date(data['date']))
    red_separator(doc)
    blank_line(doc)
    if data.get('title'):
        p = paragraph(doc, [], WD_ALIGN_PARAGRAPH.CENTER)
        add_run(p, data['title'], XIAOBIAOSONG, HAO2)
        blank_line(doc)
    text_paragraphs(doc, data['opening'])
    for i, t in enumerate(data['topics']):
        numbered_heading(doc, i, t['heading'])
        text_paragraphs(doc, t['decisions'])
    leave = [f"{l['name']}（{l['reason']}）" if l.get('reason') else l['name'] for l in att['onLeave']]
    lines = [(label, names) for label, names in (('出席', att['present']), ('请假', leave), ('列席', att['attending'])) if names]
    if lines:
        blank_line(doc)
        attendance_lines(doc, lines)
    dist = data.get('distribution')
    cc = [s.strip() for s in ([dist] if isinstance(dist, str) else dist or []) if s.strip()]
    closing_block(doc, cc, settings['officeName'], data['printDate'])
    return doc


def build_and_save(data):
    out = io.BytesIO()
    minutes_docx(data).save(out)
    return out.getvalue()


def percentile(sorted_samples, p):
    return sorted_samples[min(len(sorted_samples) - 1, max(0, math.ceil(p * len(sorted_samples)) - 1))]


def main():
    job = json.load(sys.stdin)
    data, runs, warmup = job['minutes'], job.get('runs', 30), job.get('warmup', 3)
    if len(sys.argv) > 1:  # a path: write one file to look at instead of timing
        with open(sys.argv[1], 'wb') as f:
            f.write(build_and_save(data))
        return
    for _ in range(warmup):
        build_and_save(data)
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        build_and_save(data)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    json.dump({'median': percentile(samples, 0.5), 'p95': percentile(samples, 0.95), 'runs': runs}, sys.stdout)


if __name__ == '__main__':
    main()
