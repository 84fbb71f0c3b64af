"""Pinyin sort keys: unit names in the order a Chinese reader expects, characters with several readings read
as in the name."""
from __future__ import annotations

from reviewer.pinyin_order import pinyin_key


def test_unit_names_sort_by_their_readings_in_the_name():
    expected = ["安化县", "北京市", "蚌埠市", "长春市", "长宁区", "长沙市", "长治市", "重庆市", "六安市", "吕梁市", "番禺区",
                "西安市", "厦门市", "先锋乡", "岳阳市", "张家界市", "长子县"]
    assert sorted(reversed(expected), key=pinyin_key) == expected  # 蚌 bèng, 吕 lǚ after lù


def test_chang_is_the_reading_of_names_unless_a_word_says_zhang():
    assert pinyin_key("长治市").startswith("chang2长") and pinyin_key("长宁区").startswith("chang2长")
    assert pinyin_key("长子县").startswith("zhang3长")  # 长子 is a word of the phrase dictionary


def test_a_name_sorts_before_longer_names_it_begins_and_syllables_compare_before_tones_and_characters():
    assert sorted(["长沙县", "长沙市司法局", "长沙市"], key=pinyin_key) == ["长沙市", "长沙市司法局", "长沙县"]
    assert pinyin_key("西安") < pinyin_key("先锋")  # xi | an before xian
    assert pinyin_key("妈") < pinyin_key("马") < pinyin_key("骂")  # ma1, ma3, ma4


def test_digits_and_latin_letters_sort_among_the_syllables_whatever_their_width():
    assert pinyin_key("ＡＢＣ镇") == pinyin_key("abc镇")
    assert sorted(["北京市", "2023年报告", "ABC镇"], key=pinyin_key) == ["2023年报告", "ABC镇", "北京市"]


def test_a_character_without_a_reading_keeps_its_place_after_the_readings():
    key = pinyin_key("\U0002b81d村")
    assert key.startswith("\U0002b81d") and "cun1村" in key
