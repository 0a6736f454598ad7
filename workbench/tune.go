package workbench

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/internal/msg"
)

// Edit is one change made in the tuning form: a field of an indicator
// (weight, target, band.N.when, band.N.score) or of a grade (min). The
// form changes the YAML text in place, at the place the field is written,
// so comments and layout stay as the bureau wrote them.
type Edit struct {
	Indicator string `json:"indicator,omitempty"`
	Grade     string `json:"grade,omitempty"`
	Field     string `json:"field"`
	Value     string `json:"value"`
}

// applyEdits returns src with every edit made, in order.
func applyEdits(name string, src []byte, edits []Edit) ([]byte, error) {
	for i, e := range edits {
		var err error
		if src, err = applyEdit(name, src, e); err != nil {
			return nil, zh().Wrap(err, msg.WbEdit, i+1, e.describe())
		}
	}
	return src, nil
}

func (e Edit) describe() string {
	if e.Grade != "" {
		return zh().Sprintf(msg.WbDescGrade, e.Grade, e.Field)
	}
	return zh().Sprintf(msg.WbDescIndicator, e.Indicator, e.Field)
}

func applyEdit(name string, src []byte, e Edit) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, zh().Errorf(msg.WbNotRuleset, name)
	}
	root := doc.Content[0]
	var item *yaml.Node
	var key string
	var numeric bool
	switch {
	case e.Grade != "":
		if e.Field != "min" {
			return nil, zh().Errorf(msg.WbGradeMin, e.Field)
		}
		item = findItem(value(root, "grades"), func(m *yaml.Node) bool { return scalar(m, "label") == e.Grade })
		if item == nil {
			return nil, zh().Errorf(msg.WbNoGrade, name, e.Grade)
		}
		key, numeric = "min", true
	case e.Indicator != "":
		item = findItem(value(root, "indicators"), func(m *yaml.Node) bool {
			id := scalar(m, "id")
			if id == "" {
				id = scalar(m, "use")
			}
			return id == e.Indicator
		})
		if item == nil {
			return nil, zh().Errorf(msg.WbNoIndicator, name, e.Indicator)
		}
		switch {
		case e.Field == "weight":
			key, numeric = "weight", true
		case e.Field == "target":
			key = "target"
		case strings.HasPrefix(e.Field, "band."):
			// band.N.when or band.N.score: row N (from 1) of the bands.
			parts := strings.Split(e.Field, ".")
			n, err := strconv.Atoi(parts[min(1, len(parts)-1)])
			bands := value(item, "bands")
			if len(parts) != 3 || err != nil || (parts[2] != "when" && parts[2] != "score") {
				return nil, zh().Errorf(msg.WbBandField, e.Field)
			}
			if bands == nil || bands.Kind != yaml.SequenceNode || n < 1 || n > len(bands.Content) {
				return nil, zh().Errorf(msg.WbNoBandRow, e.Indicator, n)
			}
			item, key = bands.Content[n-1], parts[2]
			if value(item, key) == nil {
				return nil, zh().Errorf(msg.WbBandNoKey, n, e.Indicator, key)
			}
		default:
			return nil, zh().Errorf(msg.WbTunable, e.Field)
		}
	default:
		return nil, zh().Errorf(msg.WbSayWhich)
	}
	text := strings.TrimSpace(e.Value)
	if numeric {
		if _, err := strconv.ParseFloat(text, 64); err != nil {
			return nil, zh().Errorf(msg.WbNotNumber, e.Value)
		}
	} else if _, err := strconv.ParseFloat(text, 64); err != nil || key == "target" {
		// Targets are written as text (">= 0.9"), as the built-in rulesets do.
		text = strconv.Quote(text)
	}
	if v := value(item, key); v != nil {
		return replaceScalar(src, v, text)
	}
	return insertKey(src, item, key, text)
}

// value is the value of key in mapping m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func scalar(m *yaml.Node, key string) string {
	if v := value(m, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

func findItem(seq *yaml.Node, ok func(*yaml.Node) bool) *yaml.Node {
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	for _, m := range seq.Content {
		if m.Kind == yaml.MappingNode && ok(m) {
			return m
		}
	}
	return nil
}

// offset is the byte offset of line and column (from 1, column in
// characters, as yaml.v3 counts them) in src.
func offset(src []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(string(src[off:]), '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(src) && src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off
}

// replaceScalar writes text in place of the scalar v as it is written in
// src: quoted, or plain up to a comment, a comma or a closing bracket.
func replaceScalar(src []byte, v *yaml.Node, text string) ([]byte, error) {
	if v.Kind != yaml.ScalarNode || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || v.Alias != nil {
		return nil, zh().Errorf(msg.WbNotScalar, v.Line)
	}
	start := offset(src, v.Line, v.Column)
	end := start
	switch {
	case start < len(src) && src[start] == '"':
		for end = start + 1; end < len(src) && src[end] != '"'; end++ {
			if src[end] == '\\' {
				end++
			}
		}
		end++
	case start < len(src) && src[start] == '\'':
		for end = start + 1; end < len(src); end++ {
			if src[end] == '\'' {
				if end+1 < len(src) && src[end+1] == '\'' {
					end++
					continue
				}
				break
			}
		}
		end++
	default:
		for end < len(src) && src[end] != '\n' && src[end] != ',' && src[end] != '}' && src[end] != ']' &&
			!(src[end] == '#' && end > start && (src[end-1] == ' ' || src[end-1] == '\t')) {
			end++
		}
		for end > start && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\r') {
			end--
		}
	}
	if end > len(src) || end <= start {
		return nil, zh().Errorf(msg.WbValueNotFound, v.Line)
	}
	out := make([]byte, 0, len(src)+len(text))
	out = append(out, src[:start]...)
	out = append(out, text...)
	return append(out, src[end:]...), nil
}

// insertKey adds key: text to the block mapping m, on a line of its own
// after the mapping's first key.
func insertKey(src []byte, m *yaml.Node, key, text string) ([]byte, error) {
	if m.Style&yaml.FlowStyle != 0 || len(m.Content) == 0 {
		return nil, zh().Errorf(msg.WbInBraces, m.Line, key)
	}
	first := m.Content[0]
	at := offset(src, first.Line+1, 1)
	line := strings.Repeat(" ", first.Column-1) + key + ": " + text + "\n"
	if at == len(src) && len(src) > 0 && src[len(src)-1] != '\n' {
		line = "\n" + line
	}
	out := make([]byte, 0, len(src)+len(line))
	out = append(out, src[:at]...)
	out = append(out, line...)
	return append(out, src[at:]...), nil
}
