package dialog_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/index/indextest"
)

// A question, then a follow-up that names no topic: the follow-up stays on
// the measure the question found and hands over that measure's contact.
func ExampleEngine_Handle() {
	ix, err := indextest.Get() // an index over the embedded guide
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, _ := os.MkdirTemp("", "policybot-example")
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "chat.db"), time.Second)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	e := dialog.New(ix, db)
	for _, q := range []string{"社保能缓交吗", "能网上办吗", "找谁办"} {
		replies, err := e.Handle(context.Background(), 1, dialog.Event{Kind: dialog.Message, Text: q})
		if err != nil {
			fmt.Println(err)
			return
		}
		r := replies[0]
		fmt.Println(q, "→", r.Kind, r.Measures)
		for _, c := range r.Contacts {
			fmt.Println("  ", c.Name, c.Org, c.Phones)
		}
	}
	// Output:
	// 社保能缓交吗 → measure [2]
	// 能网上办吗 → measure [2]
	// 找谁办 → measure [2]
	//    林桂香 区人保局 [010-69050322]
}
