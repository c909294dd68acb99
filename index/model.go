package index

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
)

// model is a logistic regression over standardized features: the
// probability that the best-ranked measure answers the question.
type model struct {
	Names   []string  `json:"names"`
	Mean    []float64 `json:"mean"`
	Scale   []float64 `json:"scale"`
	Weights []float64 `json:"weights"`
	Bias    float64   `json:"bias"`
}

// sample is one training row: the features of an example question and
// whether its best-ranked measure is the one that answers it.
type sample struct {
	x      []float64
	answer bool
	weight float64
}

// train fits the model by full-batch gradient descent from zero weights:
// the same samples always give the same weights.
func train(samples []sample, t Tuning) *model {
	k := len(featureNames)
	m := &model{Names: slices.Clone(featureNames), Mean: make([]float64, k), Scale: make([]float64, k), Weights: make([]float64, k)}
	if len(samples) == 0 {
		return m
	}
	for j := 0; j < k; j++ {
		var s, ss float64
		for _, e := range samples {
			s += e.x[j]
		}
		mean := s / float64(len(samples))
		for _, e := range samples {
			ss += (e.x[j] - mean) * (e.x[j] - mean)
		}
		m.Mean[j], m.Scale[j] = mean, math.Sqrt(ss/float64(len(samples)))
		if m.Scale[j] < 1e-9 {
			m.Scale[j] = 1
		}
	}
	z := make([][]float64, len(samples))
	total := 0.0
	for i, e := range samples {
		z[i] = make([]float64, k)
		for j := range e.x {
			z[i][j] = (e.x[j] - m.Mean[j]) / m.Scale[j]
		}
		total += e.weight
	}
	grad := make([]float64, k)
	for it := 0; it < t.Iterations; it++ {
		clear(grad)
		gb := 0.0
		for i, e := range samples {
			d := e.weight * (sigmoid(m.logit(z[i])) - b2f(e.answer))
			for j := range grad {
				grad[j] += d * z[i][j]
			}
			gb += d
		}
		for j := range m.Weights {
			m.Weights[j] -= t.LearningRate * (grad[j]/total + t.L2*m.Weights[j])
		}
		m.Bias -= t.LearningRate * gb / total
	}
	return m
}

func (m *model) logit(z []float64) float64 {
	s := m.Bias
	for j, w := range m.Weights {
		s += w * z[j]
	}
	return s
}

// predict returns the probability and each feature's share of the
// log-odds, shift added to them (see Tuning.DayOneShift).
func (m *model) predict(x []float64, shift float64) (float64, []Feature) {
	fs := make([]Feature, len(x))
	s := m.Bias + shift
	for j, v := range x {
		c := m.Weights[j] * (v - m.Mean[j]) / m.Scale[j]
		fs[j] = Feature{Name: m.Names[j], Value: v, Contribution: c}
		s += c
	}
	return sigmoid(s), fs
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

const modelFile = "model.json"

func (m *model) save(path string) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// loadModel reads a saved model; one trained on other features is an error.
func loadModel(path string) (*model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	return parseModel(path, b)
}

func parseModel(name string, b []byte) (*model, error) {
	var m model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("load model %s: %w", name, err)
	}
	k := len(featureNames)
	if !slices.Equal(m.Names, featureNames) || len(m.Mean) != k || len(m.Scale) != k || len(m.Weights) != k {
		return nil, fmt.Errorf("load model %s: other features", name)
	}
	return &m, nil
}

// defaultModelFile is the model trained on the embedded guide and the
// built-in bank, shipped for guides whose bank is too small to train on
// (another district's guide, whose numbers the built-in examples do not
// fit). Its features describe a question's relation to whatever guide is
// loaded, so it carries over. Regenerate it with
// go test ./index -run TestDefaultModel -update.
const defaultModelFile = "data/default_model.json"

//go:embed data/default_model.json
var defaultModelJSON []byte

func defaultModel() (*model, error) {
	return parseModel("built-in "+defaultModelFile, defaultModelJSON)
}

// dayOneModelFile is the model shipped for a guide with no written
// examples of its own (its first day): trained as defaultModelFile and also
// on the embedded guide's written questions read as on its first day
// (Tuning.DayOne), whose features are what such a guide's owners' questions
// get. A guide with its own bank keeps defaultModelFile: its written
// examples lift the same questions' features. Regenerate both with
// go test ./index -run TestDefaultModel -update.
const dayOneModelFile = "data/dayone_model.json"

//go:embed data/dayone_model.json
var dayOneModelJSON []byte

func dayOneModel() (*model, error) {
	return parseModel("built-in "+dayOneModelFile, dayOneModelJSON)
}
