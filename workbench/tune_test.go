package workbench

import (
	"strings"
	"testing"
)

const tuneSrc = `id: t # 试
title: 调整
version: "1"
grades:
  - {min: 90, label: 优}
  - {min: 0,  label: 差}
inputs:
  a: {label: 甲}
indicators:
  - id: x
    label: 某指标
    weight: 60   # 分值
    value: a
    target: ">= 1"
  - id: y
    label: 区间
    weight: 40
    value: a
    bands:
      - {when: "value >= 0.9", score: 1}
      - {else: 0}
`

func TestApplyEdits(t *testing.T) {
	for _, tc := range []struct {
		edit Edit
		want string // the line the edit leaves
		// bad: the edit is made, and the loader refuses the result (two
		// scoring forms) with its position, as the page then shows.
		bad bool
	}{
		{Edit{Indicator: "x", Field: "weight", Value: "55"}, "    weight: 55   # 分值\n", false},
		{Edit{Indicator: "x", Field: "target", Value: "<= 0.5"}, `    target: "<= 0.5"` + "\n", false},
		{Edit{Indicator: "y", Field: "target", Value: ">= 2"}, "  - id: y\n    target: \">= 2\"\n    label: 区间\n", true},
		{Edit{Grade: "优", Field: "min", Value: "85"}, "  - {min: 85, label: 优}\n", false},
		{Edit{Grade: "差", Field: "min", Value: "1.5"}, "  - {min: 1.5,  label: 差}\n", false},
		{Edit{Indicator: "y", Field: "band.1.when", Value: "value >= 0.8"}, `      - {when: "value >= 0.8", score: 1}` + "\n", false},
		{Edit{Indicator: "y", Field: "band.1.score", Value: "2 / 3"}, `      - {when: "value >= 0.9", score: "2 / 3"}` + "\n", false},
	} {
		out, err := applyEdits("t.yaml", []byte(tuneSrc), []Edit{tc.edit})
		if err != nil {
			t.Errorf("%+v: %v", tc.edit, err)
			continue
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("%+v: no %q in\n%s", tc.edit, tc.want, out)
		}
		if _, err := loadRuleset("t.yaml", out); tc.bad {
			if err == nil || !strings.Contains(err.Error(), "t.yaml:15:5: 指标 y 有 2 种评分方式") {
				t.Errorf("%+v: loading: %v", tc.edit, err)
			}
		} else if err != nil {
			t.Errorf("%+v: the edited ruleset does not load: %v", tc.edit, err)
		}
		// Only the edited place changes: comments stay.
		if !strings.Contains(string(out), "id: t # 试\n") {
			t.Errorf("%+v: the comment went", tc.edit)
		}
	}
	for _, tc := range []struct {
		edit Edit
		want string
	}{
		{Edit{Indicator: "z", Field: "weight", Value: "1"}, `t.yaml 中没有指标 "z"`},
		{Edit{Indicator: "x", Field: "weight", Value: "十"}, `"十" 不是数值`},
		{Edit{Indicator: "x", Field: "label", Value: "新"}, `不能调整 "label"`},
		{Edit{Indicator: "y", Field: "band.2.when", Value: "value > 0"}, "指标 y 的第 2 行分档没有 when"},
		{Edit{Indicator: "y", Field: "band.3.score", Value: "1"}, "指标 y 没有第 3 行分档"},
		{Edit{Grade: "良", Field: "min", Value: "80"}, `t.yaml 中没有等级 "良"`},
		{Edit{Field: "weight", Value: "1"}, "请说明要修改哪个指标或等级"},
	} {
		_, err := applyEdits("t.yaml", []byte(tuneSrc), []Edit{tc.edit})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want %q", tc.edit, err, tc.want)
		}
	}
}
