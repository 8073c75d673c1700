package main

import (
	"encoding/binary"
	"fmt"
	"syscall"
	"unsafe"
)

const (
	tunSetIff = 0x400454ca // TUNSETIFF, _IOW('T', 202, int)
	iffTun    = 0x0001
	iffNoPi   = 0x1000 // packets come without the 4-byte protocol information prefix
	ifNameMax = 16
	ifReqSize = 40
)

// openTun creates a TUN device of that name (it lasts as long as this process) and returns its
// file descriptor, from which each read returns one IP packet the kernel routed into the device.
func openTun(name string) (int, error) {
	if len(name) == 0 || len(name) >= ifNameMax {
		return -1, fmt.Errorf("device name %q must have 1 to %d characters", name, ifNameMax-1)
	}
	fd, err := syscall.Open("/dev/net/tun", syscall.O_RDWR|syscall.O_CLOEXEC, 0)
	if err != nil {
		return -1, fmt.Errorf("open /dev/net/tun: %w", err)
	}
	var req [ifReqSize]byte
	copy(req[:ifNameMax], name)
	binary.LittleEndian.PutUint16(req[ifNameMax:], iffTun|iffNoPi)
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), tunSetIff, uintptr(unsafe.Pointer(&req[0]))); errno != 0 {
		syscall.Close(fd)
		return -1, fmt.Errorf("TUNSETIFF %s: %w", name, errno)
	}
	return fd, nil
}
