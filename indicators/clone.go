package indicators

import (
	"maps"
	"slices"
)

// Clone returns a deep copy of rs: no slice, map or pointer of the copy is
// shared with rs, so that a compiled program can keep a ruleset its caller
// cannot change under it.
func (rs *Ruleset) Clone() *Ruleset {
	if rs == nil {
		return nil
	}
	c := *rs
	c.Grades = slices.Clone(rs.Grades)
	c.Inputs = slices.Clone(rs.Inputs)
	c.Checks = slices.Clone(rs.Checks)
	c.Source = slices.Clone(rs.Source)
	c.Overshoot = clonePtr(rs.Overshoot)
	c.Adjust = slices.Clone(rs.Adjust)
	c.MaxTotal = clonePtr(rs.MaxTotal)
	c.Outcomes = slices.Clone(rs.Outcomes)
	if rs.Indicators != nil {
		c.Indicators = make([]Indicator, len(rs.Indicators))
		for i, ind := range rs.Indicators {
			ind.Group = slices.Clone(ind.Group)
			ind.Bands = slices.Clone(ind.Bands)
			ind.Overshoot = clonePtr(ind.Overshoot)
			c.Indicators[i] = ind
		}
	}
	if rs.Tests != nil {
		c.Tests = make([]Case, len(rs.Tests))
		for i := range rs.Tests {
			c.Tests[i] = rs.Tests[i].clone()
		}
	}
	return &c
}

func (c Case) clone() Case {
	if c.Data != nil {
		c.Data = cloneAny(c.Data).(map[string]any)
	}
	if c.Score != nil {
		x := *c.Score
		c.Score = &x
	}
	c.Points = maps.Clone(c.Points)
	c.Status = maps.Clone(c.Status)
	c.Adjustments = maps.Clone(c.Adjustments)
	c.Change = clonePtr(c.Change)
	if c.Populations != nil {
		c.Populations = slices.Clone(c.Populations)
		for i := range c.Populations {
			c.Populations[i].Values = slices.Clone(c.Populations[i].Values)
		}
	}
	return c
}

// clonePtr copies what p points to; nil stays nil.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	x := *p
	return &x
}

// cloneAny copies the maps and lists a test case's data decodes to (YAML
// mappings and sequences); other values are immutable scalars.
func cloneAny(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = cloneAny(x)
		}
		return out
	case map[any]any:
		out := make(map[any]any, len(v))
		for k, x := range v {
			out[k] = cloneAny(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = cloneAny(x)
		}
		return out
	}
	return v
}
