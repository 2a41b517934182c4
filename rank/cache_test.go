package rank

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"runtime"
	"testing"
)

// A cache file whose array length was damaged (a huge count, a few bytes of
// data) is refused at its end without first taking that much memory.
func TestDamagedArrayLengthIsRefusedWithoutTheMemory(t *testing.T) {
	var file bytes.Buffer
	var n [binary.MaxVarintLen64]byte
	file.Write(n[:binary.PutUvarint(n[:], maxCacheArray)])
	file.Write([]byte{1, 2, 3, 4, 5, 6, 7, 8})

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var got []int64
	err := readArray(bufio.NewReader(&file), &got)
	runtime.ReadMemStats(&after)

	if err == nil {
		t.Fatalf("a 2^32-entry array with 8 bytes of data was read back (%d entries)", len(got))
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("reading the damaged array allocated %d MiB", grew>>20)
	}
}

// A sound array still reads back whole across the reading chunks.
func TestArrayReadsBackAcrossChunks(t *testing.T) {
	want := make([]float32, 3<<16+5)
	for i := range want {
		want[i] = float32(i) / 7
	}
	var file bytes.Buffer
	w := bufio.NewWriter(&file)
	writeUvarint(w, uint64(len(want)))
	if err := binary.Write(w, binary.LittleEndian, want); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	var got []float32
	if err := readArray(bufio.NewReader(&file), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || got[len(got)-1] != want[len(want)-1] || got[1<<16] != want[1<<16] {
		t.Fatalf("read back %d entries, want %d", len(got), len(want))
	}
}
