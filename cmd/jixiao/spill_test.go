package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/spill"
)

// TestSpillErrorWorded: a temporary file that cannot be written (TMPDIR
// missing here; a full disk alike) is said in the run's language with
// what to do, however deep the stage that spilled wrapped it.
func TestSpillErrorWorded(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	t.Setenv("TMPDIR", dir)
	sp := spill.New(0)
	defer sp.Close()
	_, err := sp.Write([]byte("x"))
	if err == nil {
		t.Fatal("a spill into a missing TMPDIR was written")
	}
	cause := "open " + dir + "/jixiao-"
	for lang, want := range map[msg.Lang]string{
		msg.ZH: "jixiao：无法写入临时文件（" + cause,
		msg.EN: "jixiao: cannot write a temporary file (" + cause,
	} {
		var out bytes.Buffer
		p := msg.Printer{Lang: lang}
		code := exitCode(&streams{ErrOut: &out, msg: p}, failWith(exitNothing, p.Wrap(err, msg.ErrWriteLead, "out.csv")))
		got := out.String()
		if code != exitNothing || !bytes.HasPrefix(out.Bytes(), []byte(want)) {
			t.Errorf("%v: exit %d, %q, want it to start %q", lang, code, got, want)
		}
		tail := map[msg.Lang]string{
			msg.ZH: ".spill: no such file or directory）：磁盘可能已满；请腾出空间，或用 TMPDIR 环境变量指定一个有空间的文件夹\n",
			msg.EN: ".spill: no such file or directory): the disk may be full; free some space, or point the TMPDIR environment variable at a folder with room\n",
		}[lang]
		if !bytes.HasSuffix(out.Bytes(), []byte(tail)) {
			t.Errorf("%v: %q, want it to end %q", lang, got, tail)
		}
	}
}
