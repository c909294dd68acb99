package index

import (
	"fmt"
	"strconv"
	"strings"

	"policybot/index/pinyin"
	"policybot/seeds"
)

// A bot serving several guides names each for people: an id for logs,
// flags and the question log ("miyun-2022"), and a short name and label
// for replies ("密云区", "密云区指南（2022年6月18日）"). Both come from the
// guide's issuer (or title) and publication date, like its Key, so they
// stay the same for a re-scrambled or re-encoded copy.

// GuideID is guide g's id: its district's name in toneless pinyin and the
// year it was published ("miyun-2022"); a guide whose issuer and title
// name no place is "guide-" and its Key. Two guides of one district and
// year share an id; a set of guides tells them apart (see OpenSet).
func GuideID(g *seeds.Guide) string {
	_, home := ownPlaceNames(g)
	if len(home) == 0 {
		return "guide-" + g.Key()
	}
	stem := home[len(home)-1]
	year := "undated"
	if len(g.Published) >= 4 {
		year = g.Published[:4]
	}
	if s := pinyin.Spell(stem); s != "" {
		return s + "-" + year
	}
	return "guide-" + g.Key()
}

// GuideName is guide g's short name: its district as its issuer writes it
// ("密云区"), else its title, clipped.
func GuideName(g *seeds.Guide) string {
	if _, home := ownPlaceNames(g); len(home) > 0 {
		return home[0]
	}
	if g.Title != "" {
		return seeds.Clip(g.Title, 16)
	}
	return "指南"
}

// GuideLabel names guide g in a reply: its short name and its date,
// "密云区指南（2022年6月18日）".
func GuideLabel(g *seeds.Guide) string {
	if d := chineseDate(g.Published); d != "" {
		return fmt.Sprintf("%s指南（%s）", GuideName(g), d)
	}
	return GuideName(g) + "指南"
}

// chineseDate writes YYYY-MM-DD as 2022年6月18日; "" if it is not one.
func chineseDate(day string) string {
	parts := strings.Split(day, "-")
	if len(parts) != 3 {
		return ""
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return ""
		}
		n[i] = v
	}
	return fmt.Sprintf("%d年%d月%d日", n[0], n[1], n[2])
}

// ID is the index's guide id (GuideID), or the id a set gave it to tell
// it from another guide of the same district and year (OpenSet).
func (ix *Index) ID() string {
	if ix.id != "" {
		return ix.id
	}
	return GuideID(ix.guide)
}

// Name is the guide's short name (GuideName).
func (ix *Index) Name() string { return GuideName(ix.guide) }

// Label names the guide in a reply (GuideLabel).
func (ix *Index) Label() string { return GuideLabel(ix.guide) }

// HomePlaces are the guide's own district as its issuer names it, with
// and without its ending ("密云区", "密云"): the places that tell a bot
// serving several guides that a message is for this one. Places every
// guide of a city shares (北京) are not among them.
func (ix *Index) HomePlaces() []string { return append([]string(nil), ix.homePlaces...) }
