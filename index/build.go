package index

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
)

// build writes a fresh index of what k knows beside any existing one and
// moves it into place only when complete, so a crash never leaves a
// half-built index where Open would trust it: the bleve documents, then
// the decision model, trained on an index of its own over the new
// documents and saved beside them, then the checksums and the completion
// marker, then the rename. It returns the model; Open then opens the index
// it serves from the renamed directory.
func build(path string, k *knowledge, im mapping.IndexMapping) (*model, error) {
	tmp := path + ".tmp-" + randomSuffix()
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	defer os.RemoveAll(tmp)
	bi, err := bleve.NewUsing(filepath.Join(tmp, "bleve"), im, scorch.Name, scorch.Name, bleveConfig())
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	m, err := writeAndTrain(bi, k)
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("build index: %w", err)
	}
	if err := m.save(filepath.Join(tmp, modelFile)); err != nil {
		bi.Close()
		return nil, fmt.Errorf("build index: %w", err)
	}
	if err := bi.Close(); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	if err := writeSums(tmp); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, completeMarker), []byte(k.guide.Hash+"\n"), 0o644); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	if _, err := os.Stat(path); err == nil {
		old := path + ".old-" + randomSuffix()
		if err := os.Rename(path, old); err != nil {
			return nil, fmt.Errorf("build index: %w", err)
		}
		defer os.RemoveAll(old)
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return m, nil
}

// writeAndTrain indexes the measures (with the example questions of the
// groups that fit them) and the units into bi, then trains the decision
// model by searching them.
func writeAndTrain(bi bleve.Index, k *knowledge) (*model, error) {
	b := bi.NewBatch()
	for i := range k.guide.Measures {
		m := &k.guide.Measures[i]
		if err := b.Index(measureID(m.Number), newMeasureDoc(k.guide, m, k.examplesByFold(m.Number))); err != nil {
			return nil, fmt.Errorf("measure %d: %w", m.Number, err)
		}
	}
	for _, u := range k.dir.units {
		if err := b.Index(unitID(u.Name), newUnitDoc(k.guide, u)); err != nil {
			return nil, fmt.Errorf("unit %s: %w", u.Name, err)
		}
	}
	if err := bi.Batch(b); err != nil {
		return nil, err
	}
	trainer := &Index{knowledge: k, bi: bi}
	if err := trainer.loadFieldTerms(); err != nil {
		return nil, err
	}
	return trainer.buildModel()
}

func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}
