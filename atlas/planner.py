"""Session planner: contrasting case studies, counterpart networks and questions, all sourced."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import i18n
from atlas.escape import for_html as e
from atlas.glossary import label
from atlas.i18n import N_, Translator
from atlas.tables import Atlas

FORMATS = {
    "panel": [N_("Opening: the question and why it matters (5 min)"),
              N_("Case A: a strong formal channel (15 min)"), N_("Case B: weak or no engagement (15 min)"),
              N_("Counterparts respond (15 min)"), N_("Discussion with the floor (30 min)")],
    "workshop": [N_("Mapping: which channels exist in your region? (20 min)"),
                 N_("Two cases side by side (30 min)"), N_("Group work on the key questions (40 min)"),
                 N_("Report back and next steps (20 min)")],
    "roundtable": [N_("Round of introductions (10 min)"), N_("Framing by the two cases (20 min)"),
                   N_("Closed discussion on the key questions, Chatham House rule (60 min)")],
}


@dataclass(frozen=True)
class Plan:
    theme: str
    regions: tuple[str, ...]
    session_format: str
    strong: pd.DataFrame
    weak: pd.DataFrame
    networks: pd.DataFrame
    questions: pd.DataFrame
    cases: pd.DataFrame


def scores(atlas: Atlas, theme: str, regions: tuple[str, ...]) -> pd.DataFrame:
    """Per organisation in the regions: strength of its formal channels on the theme."""
    rigos = atlas.rigos[atlas.rigos.region.isin(regions)] if regions else atlas.rigos
    ch = atlas.channels[atlas.channels.themes.map(lambda t: theme in t)]
    rows = []
    for rigo in rigos.itertuples():
        mine = ch[ch.rigo_id == rigo.rigo_id]
        active = mine[mine.status == "active"]
        verified = active[active.confidence == "verified"]
        deep = verified[verified.participation_level.isin(["dialogue", "partnership"])]
        pool = verified if not verified.empty else mine
        primary = pool.channel_type.str.contains(theme.split("_")[0]) | pool.themes.map(
            lambda t: t[:1] == (theme,))
        depth = pool.participation_level.isin(["dialogue", "partnership"])
        best = pool.assign(primary=primary, depth=depth).sort_values(
            ["primary", "depth"], ascending=False, kind="stable").head(1)
        cited = tuple(s for ids in best.source_ids for s in ids) or tuple(rigo.source_ids)
        rows.append({"rigo_id": rigo.rigo_id, "acronym": rigo.acronym, "region": rigo.region,
                     "score": 2 * len(verified) + len(deep) + (len(active) - len(verified)),
                     "channels": len(mine), "example": "; ".join(best.name),
                     "example_id": "; ".join(best.channel_id),
                     "practice": " ".join(best.practice_notes)[:600],
                     "source_ids": cited})
    return pd.DataFrame(rows).sort_values(["score", "acronym"], ascending=[False, True])


def cases(atlas: Atlas, theme: str, regions: tuple[str, ...], chosen: set[str],
          most: int = 4) -> pd.DataFrame:
    """Documented cases on the theme in the regions, those of the proposed organisations first,
    each outcome met where possible (a success beside a failure), newest first."""
    rigos = atlas.rigos[atlas.rigos.region.isin(regions)] if regions else atlas.rigos
    on = atlas.cases[atlas.cases.themes.map(lambda t: theme in t)
                     & atlas.cases.rigo_id.isin(rigos.rigo_id)]
    on = on.merge(atlas.rigos[["rigo_id", "acronym"]], on="rigo_id").assign(
        proposed=lambda d: d.rigo_id.isin(chosen)).sort_values(
        ["proposed", "date_from"], ascending=False, kind="stable")
    varied = pd.concat([on.drop_duplicates("outcome_category"), on]).drop_duplicates("case_id")
    return varied.head(most).drop(columns="proposed").reset_index(drop=True)


def plan(atlas: Atlas, theme: str, regions: tuple[str, ...], session_format: str,
         pairs: int = 2) -> Plan:
    ranked = scores(atlas, theme, regions).reset_index(drop=True)
    strong = ranked[ranked.score >= 2].head(pairs)
    weak = ranked[~ranked.rigo_id.isin(strong.rigo_id)].sort_values(
        ["score", "acronym"]).head(pairs)
    chosen = set(strong.rigo_id) | set(weak.rigo_id)
    links = atlas.network_links[atlas.network_links.rigo_id.isin(chosen)]
    nets = links.merge(atlas.networks, on="network_id", suffixes=("_link", ""))
    nets = nets[nets.themes.map(lambda t: theme in t) | (theme == "")].drop_duplicates("network_id")
    qs = atlas.questions[atlas.questions.themes.map(lambda t: theme in t)]
    return Plan(theme, regions, session_format, strong, weak,
                nets[["network_id", "name", "rigo_id", "relation", "website", "source_ids"]],
                qs if not qs.empty else atlas.questions, cases(atlas, theme, regions, chosen))


def cited_ids(p: Plan) -> list[str]:
    ids = [s for df in (p.strong, p.weak, p.networks, p.cases, p.questions) for row in df.source_ids
           for s in row]
    return list(dict.fromkeys(ids))


def _case_lines(df: pd.DataFrame, cite: dict[str, int], t: Translator) -> list[str]:
    lines = []
    for r in df.itertuples():
        marks = "".join(f"[{cite[s]}]" for s in r.source_ids if s in cite)
        example = r.example or t("no formal channel on this theme is recorded")
        region = label(t, "region", r.region)
        lines.append(f"- {t.label(f'**{r.acronym}** ({region})')} {example}. {r.practice} {marks}"
                     .strip())
    return lines or ["- " + t("None found for these choices.")]


def _practice_line(c, cite: dict[str, int], t: Translator) -> str:
    """A case from practice: title, organisation, year and outcome, then what came of it."""
    head = f"{c.title} ({c.acronym}, {c.date_from[:4]}; {label(t, 'outcome', c.outcome_category)})"
    return (f"- {t.label(head)} {c.outcome} "
            + "".join(f"[{cite[s]}]" for s in c.source_ids if s in cite))


def to_markdown(p: Plan, sources: pd.DataFrame, as_of: str, link: str,
                t: Translator | None = None) -> str:
    """The briefing as Markdown, with numbered citations and the as-of date."""
    t = t or i18n.translator()
    cite = {sid: n for n, sid in enumerate(sources.source_id, 1)}
    regions = ", ".join(label(t, "region", r) for r in p.regions) or t("all")
    lines = ["# " + t("Session briefing: {theme}", theme=label(t, "theme", p.theme)),
             t("Regions: {regions} · Format: {format} · Data as of {date}", regions=regions,
               format=label(t, "format", p.session_format), date=t.date(as_of))
             + f" · Engagement Atlas (CC BY 4.0) · {link}", "",
             "## " + t("Agenda"), *[f"1. {t(step)}" for step in FORMATS[p.session_format]], "",
             "## " + t("Case A: strong formal channels"), *_case_lines(p.strong, cite, t), "",
             "## " + t("Case B: weak or no engagement"), *_case_lines(p.weak, cite, t), "",
             "## " + t("Counterpart networks")]
    lines += [f"- {n.name} ({label(t, 'relation', n.relation)}: {n.rigo_id.upper()})"
              + "".join(f"[{cite[s]}]" for s in n.source_ids if s in cite)
              for n in p.networks.itertuples()] or ["- " + t("None recorded.")]
    lines += ["", "## " + t("Cases from practice")]
    lines += [_practice_line(c, cite, t) for c in p.cases.itertuples()] or ["- " + t("None recorded.")]
    lines += ["", "## " + t("Discussion questions")]
    lines += [f"- {q.text} " + "".join(f"[{cite[s]}]" for s in q.source_ids if s in cite)
              for q in p.questions.itertuples()]
    lines += ["", "## " + t("Sources")]
    lines += [f"{cite[s.source_id]}. {s.title}. {s.publisher} {s.year}. {s.url}"
              for s in sources.itertuples()]
    return "\n".join(lines) + "\n"


def to_html(markdown_text: str, title: str, t: Translator | None = None) -> str:
    """A printable page of the Markdown briefing: every line escaped, headings and lists kept."""
    body = []
    for line in markdown_text.splitlines():
        if line.startswith("## "):
            body.append(f"<h2>{e(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{e(line[2:])}</h1>")
        elif line.startswith(("- ", "1. ")):
            body.append(f"<p style='margin:.2rem 0 .2rem 1rem'>{e(line)}</p>")
        elif line:
            body.append(f"<p>{e(line)}</p>")
    t = t or i18n.translator()
    return (f"<!doctype html><html lang='{t.locale.language}' dir='{t.direction}'><head>"
            "<meta charset='utf-8'>"
            f"<title>{e(title)}</title><style>body{{font-family:Georgia,serif;max-width:46rem;"
            "margin:1.5rem auto;line-height:1.35}h2{border-bottom:1px solid #999}</style></head>"
            f"<body>{''.join(body)}</body></html>")
