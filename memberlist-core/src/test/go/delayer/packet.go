package main

import (
	"fmt"
	"syscall"
	"time"
)

// flow names the packets that must keep their order: one protocol between two addresses. Ports are
// left out so that the fragments of one datagram, only the first of which carries them, stay together.
type flow struct {
	src, dst [4]byte
	protocol byte
}

type packet struct {
	data    []byte
	flow    flow
	release time.Time
	seq     uint64 // arrival order, which breaks ties between equal release times
}

// parseIPv4 reads the flow of an IPv4 packet; anything else (IPv6 router solicitations the kernel
// may send into the device, a runt) is refused.
func parseIPv4(data []byte) (flow, error) {
	if len(data) < 20 || data[0]>>4 != 4 {
		return flow{}, fmt.Errorf("not an IPv4 packet (%d bytes)", len(data))
	}
	var f flow
	f.protocol = data[9]
	copy(f.src[:], data[12:16])
	copy(f.dst[:], data[16:20])
	return f, nil
}

// readPackets reads the TUN device until a read fails, giving each IPv4 packet its release time: a fresh
// draw from the sampler, but never before the previous packet of the same flow.
func readPackets(tun int, sampler *sampler, queue *delayQueue, counts *counters) error {
	latest := make(map[flow]time.Time)
	var seq uint64
	buf := make([]byte, 65536)
	for {
		n, err := syscall.Read(tun, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return fmt.Errorf("read from the TUN device: %w", err)
		}
		f, err := parseIPv4(buf[:n])
		if err != nil {
			counts.notIPv4.Add(1)
			continue
		}
		now := time.Now()
		release := now.Add(sampler.next())
		if last, ok := latest[f]; ok && release.Before(last) {
			release = last
		}
		latest[f] = release
		if len(latest) > 4096 {
			forgetPast(latest, now)
		}
		seq++
		queue.offer(packet{data: append([]byte(nil), buf[:n]...), flow: f, release: release, seq: seq})
	}
}

// forgetPast drops flows whose last packet is already due: they constrain no later packet.
func forgetPast(latest map[flow]time.Time, now time.Time) {
	for f, t := range latest {
		if !t.After(now) {
			delete(latest, f)
		}
	}
}
