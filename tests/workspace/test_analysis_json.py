from __future__ import annotations

import json

from reviewer.analysis import analyze_path
from reviewer.workspace.analysis_json import analysis_from_json, analysis_to_json


def test_stored_analysis_rehydrates_to_equal_dataclasses(sample_files):
    for path in sample_files:
        analysis = analyze_path(path)
        stored = analysis_to_json(analysis)
        assert "text" not in json.loads(stored)
        restored = analysis_from_json(stored, analysis.text)
        assert restored == analysis
        assert restored.to_json_dict() == analysis.to_json_dict()
