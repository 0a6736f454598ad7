package main

import (
	"slices"
	"strings"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// splitUnits splits the values of --units at the separators a Chinese
// input method types too (，、；and ;), as at the comma pflag splits at:
// "B02，B03" is two units, not one that no data holds.
func splitUnits(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, id := range strings.FieldsFunc(v, func(r rune) bool {
			return r == '，' || r == '、' || r == '；' || r == ';' || r == ','
		}) {
			if id = strings.TrimSpace(id); id != "" {
				out = append(out, id)
			}
		}
	}
	return out
}

// sortWords are the Chinese names of the fixed --sort keys, as the
// table's headers write them.
var sortWords = map[string]string{"排名": "rank", "总分": "score", "得分": "score", "单位": "unit", "编码": "unit", "名称": "name", "等级": "grade"}

// sortKey is --sort key as the reports know it: an indicator's label
// (预算执行率) becomes its id, a header word (总分) its key; ids, 一级指标
// and keys pass as they are. A label two indicators share is refused,
// naming their ids, since sorting by the wrong one would look right.
func sortKey(p msg.Printer, inds []indicators.Indicator, key string) (string, error) {
	desc := strings.HasPrefix(key, "-")
	k := strings.TrimSpace(strings.TrimPrefix(key, "-"))
	sign := ""
	if desc {
		sign = "-"
	}
	if w, ok := sortWords[k]; ok {
		return sign + w, nil
	}
	var ids []string
	for _, ind := range inds {
		if ind.ID == k {
			return key, nil
		}
		if ind.Label == k {
			ids = append(ids, ind.ID)
		}
	}
	switch len(ids) {
	case 0:
		return key, nil // the reports check what is left
	case 1:
		return sign + ids[0], nil
	}
	slices.Sort(ids)
	return "", p.Errorf(msg.ErrSortAmbiguous, key, len(ids), strings.Join(ids, ", "))
}
