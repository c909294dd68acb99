package seeds

import "testing"

// TestShortNameOf: a unit's short name stands for the directory's full
// name by the general rule of unit names, never for another unit's.
func TestShortNameOf(t *testing.T) {
	for _, tt := range []struct {
		short, full, district string
		same, exact           bool
	}{
		{"区财政局", "某市澄湖区财政局", "澄湖", true, true},
		{"区人社局", "某市澄湖区人力资源和社会保障局", "澄湖", true, false},
		{"区人力社保局", "某市澄湖区人力资源和社会保障局", "澄湖", true, false},
		{"区科工信局", "某市澄湖区科技和工业信息化局", "澄湖", true, false},
		{"区市场监管局", "某市澄湖区市场监督管理局", "澄湖", true, false},
		{"澄湖税务局", "国家税务总局某市澄湖区税务局", "澄湖", true, true},
		{"区税务局", "国家税务总局某市澄湖区税务局", "澄湖", true, true},
		{"区政府办", "某市澄湖区人民政府办公室", "澄湖", false, false},
		{"区发改委", "某市澄湖区发展和改革委员会", "澄湖", true, false},
		{"区卫健委", "某市澄湖区卫生健康委员会", "澄湖", true, false},
		{"区医保局", "某市澄湖区医疗保障局", "澄湖", true, false},
		{"区发改委", "某市澄湖区卫生健康委员会", "澄湖", false, false},
		{"区人社局", "某市澄湖区住房和城乡建设局", "澄湖", false, false},
		{"区商务局", "国家税务总局某市澄湖区税务局", "澄湖", false, false},
		// Another suffix is another unit.
		{"区金融办", "某市澄湖区金融服务中心", "澄湖", false, false},
		{"区国资中心", "某市澄湖区财政局", "澄湖", false, false},
	} {
		same, exact := shortNameOf(tt.short, tt.full, tt.district)
		if same != tt.same || exact != tt.exact {
			t.Errorf("shortNameOf(%s, %s) = %v %v, want %v %v", tt.short, tt.full, same, exact, tt.same, tt.exact)
		}
	}
}

// TestCodedDirectory: a directory's header row, a unit's second person
// on an indented line and a hotline-only unit are read; the signature
// after it is not.
func TestCodedDirectory(t *testing.T) {
	text := "正文。\n附：政策咨询服务单位通讯录\n单位名称　　联系人　　联系电话\n某市澄湖区财政局　　邵某　　0375-3362108\n　　　　祁某　　0375-3362109\n某市澄湖区住房和城乡建设局　　12345\n某市澄湖区人民政府办公室\n2022年6月24日\n"
	dir, from, to := readUnitDirectory(text)
	want := []dirEntry{{"某市澄湖区财政局", "邵某", "0375-3362108"}, {"某市澄湖区财政局", "祁某", "0375-3362109"}, {"某市澄湖区住房和城乡建设局", "", "12345"}}
	if len(dir) != len(want) {
		t.Fatalf("directory %q", dir)
	}
	for i := range want {
		if dir[i] != want[i] {
			t.Errorf("entry %d: %q, want %q", i, dir[i], want[i])
		}
	}
	if rest := text[:from] + text[to:]; rest != "正文。\n\n某市澄湖区人民政府办公室\n2022年6月24日\n" {
		t.Errorf("text without the directory: %q", rest)
	}
	// Numbered rows.
	dir, _, _ = readUnitDirectory("附：政策咨询服务单位通讯录\n1　　某市澄湖区财政局　　邵某　　0375-3362108\n2　　某市澄湖区商务局　　龚某　　0375-3361475\n")
	if len(dir) != 2 || dir[1] != (dirEntry{"某市澄湖区商务局", "龚某", "0375-3361475"}) {
		t.Errorf("numbered directory %q", dir)
	}
}
