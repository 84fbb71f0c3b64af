"""Copied text across the workspace: verbatim, renamed with new numbers, edited here and there (found);
the standard opening and unrelated reports (not found); findings on the later report, kept decisions."""
from __future__ import annotations

import random

from reviewer.vocabulary import CopyKind, FindingCode, ItemState, Severity
from reviewer.workspace import Workspace
from tests.workspace.copy_reports import OWN_WORK, report_text


def _import(ws: Workspace, text: str, name: str) -> int:
    return ws.import_bytes(text.encode("utf-8"), name).report_id


def _span_text(ws: Workspace, report_id: int, start: int, end: int) -> str:
    return ws.report(report_id).analysis.text[start:end]


def _edited(sentence: str, share: float, seed: int) -> str:
    """About ``share`` of the sentence's characters replaced, one here and one there."""
    chars = list(sentence)
    rng = random.Random(seed)
    positions = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(positions, round(len(chars) * share)):
        chars[i] = "甲乙丙丁戊己庚辛壬癸"[rng.randrange(10)]
    return "".join(chars)


def test_a_paragraph_copied_verbatim_from_another_unit_is_a_warning_on_the_later_report(tmp_path):
    copied = OWN_WORK["龙山镇"][1]
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        source = _import(ws, report_text("龙山镇", 2023, OWN_WORK["龙山镇"]), "龙山镇2023.txt")
        later = _import(ws, report_text("观海卫镇", 2024, [*OWN_WORK["观海卫镇"][:2], copied]), "观海卫镇2024.txt")
        [finding] = ws.copies(later)
        assert finding.on_this_report and finding.other_report_id == source
        assert finding.kind == CopyKind.OTHER_UNIT and finding.code == FindingCode.COPIED_OTHER_UNIT
        assert finding.severity == Severity.WARNING
        assert finding.similarity == 1.0
        assert _span_text(ws, later, finding.start, finding.end) == copied.rstrip("。")
        assert _span_text(ws, source, finding.other_start, finding.other_end) == copied.rstrip("。")
        assert finding.message == "与《龙山镇2023年法治政府建设年度报告》第一部分相同（相似度 100%）"
        [link] = ws.copies(source)  # the earlier report shows the link too, without carrying the finding
        assert not link.on_this_report and link.other_report_id == later and link.start == finding.other_start


def test_a_passage_from_the_other_reports_opening_is_said_to_be_from_its_opening_part(tmp_path):
    copied = OWN_WORK["附海镇"][0]
    source_text = report_text("附海镇", 2023, OWN_WORK["附海镇"][1:]).replace(
        "现将有关情况报告如下。\n", "现将有关情况报告如下。\n" + copied + "\n")
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        _import(ws, source_text, "附海镇2023.txt")
        later = _import(ws, report_text("长河镇", 2024, [*OWN_WORK["长河镇"], copied]), "长河镇2024.txt")
        [finding] = ws.copies(later)
        assert finding.other_part == "开头部分"
        assert finding.message.startswith("与《附海镇2023年法治政府建设年度报告》开头部分相同（相似度 ")


def test_a_paragraph_with_the_unit_renamed_and_numbers_changed_is_found(tmp_path):
    original = OWN_WORK["龙山镇"][0]
    renamed = original.replace("镇党委书记", "镇党委书记").replace("7次", "12次")
    renamed = "观海卫镇党委书记" + renamed[len("镇党委书记"):]
    original_with_name = "龙山镇党委书记" + original[len("镇党委书记"):]
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        source = _import(ws, report_text("龙山镇", 2023, [original_with_name, *OWN_WORK["龙山镇"][1:]]), "a.txt")
        later = _import(ws, report_text("观海卫镇", 2023, [renamed, *OWN_WORK["观海卫镇"][1:]]), "b.txt")
        [finding] = ws.copies(later)
        assert finding.other_report_id == source and finding.similarity == 1.0
        assert "观海卫镇党委书记" in _span_text(ws, later, finding.start, finding.end)


def test_a_paragraph_with_fifteen_percent_of_its_characters_changed_is_found(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        source = _import(ws, report_text("掌起镇", 2022, OWN_WORK["掌起镇"]), "a.txt")
        edited = [_edited(sentence, 0.15, seed) for seed, sentence in enumerate(OWN_WORK["掌起镇"])]
        later = _import(ws, report_text("附海镇", 2023, edited), "b.txt")
        [finding] = ws.copies(later)  # the four edited paragraphs, consecutive, are one copy
        assert finding.other_report_id == source
        assert 0.75 <= finding.similarity < 0.95
        assert _span_text(ws, later, finding.start, finding.end).startswith(edited[0][:3])
        assert _span_text(ws, later, finding.start, finding.end).endswith(edited[-1][-4:-1])


def test_sentences_run_together_by_an_edited_sentence_end_are_found_in_either_report(tmp_path):
    first, second = OWN_WORK["观海卫镇"][0], OWN_WORK["观海卫镇"][2]
    run_together = first.replace("。", "并", 1) + second  # one passage where the other report has two
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        source = _import(ws, report_text("观海卫镇", 2022, [first + second, OWN_WORK["观海卫镇"][1]]), "a.txt")
        later = _import(ws, report_text("长河镇", 2023, [*OWN_WORK["长河镇"][:2], run_together]), "b.txt")
        [finding] = ws.copies(later)
        assert finding.other_report_id == source and finding.similarity > 0.95
        assert _span_text(ws, later, finding.start, finding.end) == run_together.rstrip("。")
        assert _span_text(ws, source, finding.other_start, finding.other_end) == (first + second).rstrip("。")
    with Workspace.open(tmp_path / "v.sqlite") as ws:  # the run-together passage stored first, looked up from
        source = _import(ws, report_text("长河镇", 2022, [*OWN_WORK["长河镇"][:2], run_together]), "b.txt")
        later = _import(ws, report_text("观海卫镇", 2023, [first + second, OWN_WORK["观海卫镇"][1]]), "a.txt")
        [finding] = ws.copies(later)
        assert finding.other_report_id == source
        assert _span_text(ws, later, finding.start, finding.end) == (first + second).rstrip("。")


def test_the_standard_opening_in_every_report_and_unrelated_reports_give_nothing(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        ids = [_import(ws, report_text(unit, 2023, work), f"{unit}.txt") for unit, work in OWN_WORK.items()]
        assert all(ws.copies(report_id) == [] for report_id in ids)


def test_wording_that_many_units_share_is_learned_from_the_workspace(tmp_path):
    shared = "我们坚持把矛盾纠纷排查化解作为基层治理的基础性工作，每月召开一次社会矛盾风险研判会议，逐项明确责任人。"
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        ids = [_import(ws, report_text(unit, 2023, [*work, shared]), f"{unit}.txt") for unit, work in OWN_WORK.items()]
        assert [ws.copies(report_id) for report_id in ids] == [[]] * len(ids)


def test_a_passage_of_the_units_own_previous_year_is_a_note_across_full_and_short_names(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        before = _import(ws, report_text("龙山镇", 2022, OWN_WORK["龙山镇"], full_unit="慈溪市龙山镇人民政府"), "a.txt")
        after = _import(ws, report_text("龙山镇", 2023, [OWN_WORK["龙山镇"][2], *OWN_WORK["长河镇"][:2]]), "b.txt")
        [finding] = ws.copies(after)
        assert finding.other_report_id == before and finding.kind == CopyKind.OWN_PREVIOUS
        assert finding.severity == Severity.INFO and finding.code == FindingCode.COPIED_OWN_PREVIOUS


def test_findings_follow_removal_and_a_decision_survives_while_the_pair_does(tmp_path):
    copied = OWN_WORK["附海镇"][2]
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        source = _import(ws, report_text("附海镇", 2022, OWN_WORK["附海镇"]), "a.txt")
        later = _import(ws, report_text("长河镇", 2023, [*OWN_WORK["长河镇"], copied]), "b.txt")
        [finding] = ws.copies(later)
        assert ws.set_copy_state(finding.id, ItemState.REJECTED).state == ItemState.REJECTED
        third = _import(ws, report_text("掌起镇", 2024, OWN_WORK["掌起镇"]), "c.txt")
        assert [c.state for c in ws.copies(later)] == [ItemState.REJECTED]
        assert ws.copies(third) == []
        ws.delete_report(source)
        assert ws.copies(later) == []
        restored = _import(ws, report_text("附海镇", 2022, OWN_WORK["附海镇"]), "a.txt")
        assert restored == source and [c.other_report_id for c in ws.copies(later)] == [source]
