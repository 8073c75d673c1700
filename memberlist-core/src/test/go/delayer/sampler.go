package main

import (
	"fmt"
	"math/rand"
	"time"
)

// sampler draws delays: mean ± jitter, uniform over [mean-jitter, mean+jitter] or normal with
// jitter as its standard deviation (netem's two common choices), never below zero.
type sampler struct {
	mean, jitter time.Duration
	normal       bool
	random       *rand.Rand
}

func newSampler(mean, jitter time.Duration, distribution string, random *rand.Rand) (*sampler, error) {
	if mean < 0 || jitter < 0 {
		return nil, fmt.Errorf("delay %v and jitter %v must not be negative", mean, jitter)
	}
	switch distribution {
	case "uniform":
		return &sampler{mean: mean, jitter: jitter, random: random}, nil
	case "normal":
		return &sampler{mean: mean, jitter: jitter, normal: true, random: random}, nil
	default:
		return nil, fmt.Errorf("distribution %q is neither uniform nor normal", distribution)
	}
}

func (s *sampler) next() time.Duration {
	var spread float64
	if s.normal {
		spread = s.random.NormFloat64()
	} else {
		spread = 2*s.random.Float64() - 1
	}
	d := s.mean + time.Duration(spread*float64(s.jitter))
	if d < 0 {
		return 0
	}
	return d
}
