package admin

import (
	"errors"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"
)

// backupStall is how long a backup download may make no progress before
// the connection is dropped.
const backupStall = 30 * time.Second

// backup is GET /backup. The snapshot is first written to a temporary file
// in the data directory, which holds the store's read transaction only for
// as long as a local disk write takes; the file is then streamed. A client
// that reads slowly, or not at all, so never holds a transaction open
// (which would stop the store from growing and so stall every chat).
func (h *Handler) backup(w http.ResponseWriter, r *http.Request) {
	f, err := os.CreateTemp(h.dataDir, ".backup-*.db")
	if err != nil {
		h.logger.Error("backup: staging file", "error", err)
		http.Error(w, "backup failed: cannot create a staging file in the data directory", http.StatusInternalServerError)
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	start := time.Now()
	n, err := h.store.Backup(f)
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		h.logger.Error("backup failed", "error", err, "bytes", n)
		http.Error(w, "backup failed: "+err.Error(), http.StatusInternalServerError)
		return
	}
	snapped := time.Since(start)
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", `attachment; filename="policybot.db"`)
	w.Header().Set("Content-Length", strconv.FormatInt(n, 10))
	w.Header().Set("Cache-Control", "no-store")
	if h.storePath != "" {
		w.Header().Set(StoreHeader, h.storePath)
	}
	sent, err := copyWithDeadline(w, f, backupStall)
	if err != nil || sent != n {
		h.logger.Error("backup download aborted", "error", err, "bytes", sent, "of", n)
		// Abort the connection so the client sees a failed download, never
		// a truncated snapshot with status 200.
		panic(http.ErrAbortHandler)
	}
	h.logger.Info("backup served", "bytes", n, "snapshot", snapped.Round(time.Millisecond))
}

// copyWithDeadline copies src to w in chunks, giving each chunk stall to
// be written: a download as long as it needs while it progresses, but a
// stalled reader is cut off (the server's WriteTimeout alone would cut
// large downloads too).
func copyWithDeadline(w http.ResponseWriter, src io.Reader, stall time.Duration) (int64, error) {
	rc := http.NewResponseController(w)
	buf := make([]byte, 256<<10)
	var sent int64
	for {
		n, rerr := src.Read(buf)
		if n > 0 {
			if err := rc.SetWriteDeadline(time.Now().Add(stall)); err != nil && !errors.Is(err, http.ErrNotSupported) {
				return sent, err
			}
			m, werr := w.Write(buf[:n])
			sent += int64(m)
			if werr != nil {
				return sent, werr
			}
		}
		if rerr == io.EOF {
			return sent, nil
		}
		if rerr != nil {
			return sent, rerr
		}
	}
}
