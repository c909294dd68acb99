//go:build !linux || !cgo

package jieba

func trimHeap() {}
