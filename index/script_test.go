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
		{"点样申请？冇营业执照得唔得", "怎样申请？没有营业执照行不行"},
		// Mandarin keeps its words: 那边个体户 is 那边 + 个体户.
		{"那边个体户有什么政策", "那边个体户有什么政策"},
		{"那邊個體戶有冇政策", "那边个体户有没有政策"},
		{"几多钱", "几多钱"},
		// Words that would otherwise be one-character fragments: 点计 (how
		// reckoned), 我哋, 成日, and the particle 㗎.
		{"我哋系做家具嘅，价格上嘅照顾系点计㗎", "我们是做家具的，价格上的照顾是怎么算"},
		{"成日输俾大公司嘅，听讲而家有照顾", "总是输给大公司的，听说现在有照顾"},
		// Questions, pronouns and particles (系咪, 点解, 佢, 咗, 啲, 嘢) and
		// content words whose Cantonese sense differs (铺头, 人工, 小食).
		{"我哋间铺系租区国资属下公司嘅物业，做小食嘅，系咪真㗎？", "我们间店铺是租区国资属下公司的物业，做小吃的，是不是真的？"},
		{"听讲有啲保险价钱平啲。我喺密云开咗间小餐馆，系咪有呢样嘢？", "听说有些保险价钱便宜些。我在密云开了间小餐馆，是不是有这样东西？"},
		{"佢哋话铺头人工太贵，点解唔可以补？几时有？", "他们话店铺工资太贵，为什么不可以补？什么时候有？"},
		// 系 stays in the Mandarin words that hold it.
		{"联系边个？同佢嘅关系系咩", "联系谁？同他的关系是什么"},
		{"系统唔识用", "系统不会用"},
		// Taiwan's 甚麼 is Mandarin's 什么, not a topic word 甚么.
		{"政府欠的錢有沒有甚麼說法", "政府欠的钱有没有什么说法"},
	} {
		if got := simplified(tt.in); got != tt.want {
			t.Errorf("simplified(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
