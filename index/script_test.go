package index

import "testing"

func TestSimplified(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"社會保險能緩繳嗎", "社会保险能缓缴吗"},
		{"房租能減免嗎？找誰辦", "房租能减免吗？找谁办"},
		// Simplified text is never converted: 乾 in a simplified name stays.
		{"我开了个理发店叫阿乾美发，房租能减吗", "我开了个理发店叫阿乾美发，房租能减吗"},
		{"社保能缓交吗", "社保能缓交吗"},
		{"shebao 🙂 123", "shebao 🙂 123"},
		{"", ""},
		// Cantonese words read as Mandarin in traditional text or where a
		// character only Cantonese writes shows the language.
		{"找邊個部門？電話幾多？", "找哪个部门？电话多少？"},
		{"唔該晒", "谢谢"},
		{"多謝晒", "谢谢"},
		{"有冇房租減免？", "有没有房租减免？"},
		{"第7条搵边个", "第7条找谁"},
		{"点样申请？冇营业执照得唔得", "怎样申请？没有营业执照得唔得"},
		// Mandarin keeps its words: 那边个体户 is 那边 + 个体户.
		{"那边个体户有什么政策", "那边个体户有什么政策"},
		{"那邊個體戶有冇政策", "那边个体户有没有政策"},
		{"几多钱", "几多钱"},
		// Words that would otherwise be one-character fragments: 点计 (how
		// reckoned), 我哋, 成日, and the particle 㗎.
		{"我哋系做家具嘅，价格上嘅照顾系点计㗎", "我们系做家具的，价格上的照顾是怎么算"},
		{"成日输俾大公司嘅，听讲而家有照顾", "总是输给大公司的，听说现在有照顾"},
		// Taiwan's 甚麼 is Mandarin's 什么, not a topic word 甚么.
		{"政府欠的錢有沒有甚麼說法", "政府欠的钱有没有什么说法"},
	} {
		if got := simplified(tt.in); got != tt.want {
			t.Errorf("simplified(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
