package bot

import (
	"strings"
	"testing"

	"policybot/dialog"
)

func TestVCardEscapes(t *testing.T) {
	got := vCard(dialog.Contact{Name: "张三", Org: "区经信局", Department: "科室;一,二", Phones: []string{"010-1"}})
	want := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nN:张三;;;;\r\nORG:区经信局;科室\\;一\\,二\r\nTITLE:科室\\;一\\,二\r\nTEL;TYPE=WORK:010-1\r\nEND:VCARD"
	if got != want {
		t.Errorf("vcard = %q", got)
	}
	if got := vCard(dialog.Contact{Org: "区税务局", Phones: []string{"12366"}}); !strings.Contains(got, "FN:区税务局\r\n") || strings.Contains(got, "TITLE") {
		t.Errorf("unit-only vcard = %q", got)
	}
}
