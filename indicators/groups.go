package indicators

// Group is a 一级指标 with the indicators under it, in ruleset order.
type Group struct {
	Name    string
	Weight  float64
	Members []int // indexes into the indicators
}

// Groups returns the 一级指标 of inds in order of first appearance;
// indicators without a group form one named after themselves. The engine
// sums each unit's points by these groups and the reports lay their
// columns out by them, so both see the same groups.
func Groups(inds []Indicator) []Group {
	var gs []Group
	at := map[string]int{}
	for i, ind := range inds {
		name := ind.Label
		if len(ind.Group) > 0 {
			name = ind.Group[0]
		}
		k, ok := at[name]
		if !ok {
			k = len(gs)
			at[name] = k
			gs = append(gs, Group{Name: name})
		}
		gs[k].Weight += ind.Weight
		gs[k].Members = append(gs[k].Members, i)
	}
	return gs
}
