// ${{ values.name }}: ${{ values.description | replace("\n", " ") }}
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

const serviceName = "${{ values.name }}"

var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

// metrics is a minimal Prometheus exposition without dependencies.
type metrics struct {
	mu       sync.Mutex
	requests map[string]uint64 // "code" -> count
	buckets  []uint64
	sum      float64
	count    uint64
}

func newMetrics() *metrics {
	return &metrics{requests: map[string]uint64{}, buckets: make([]uint64, len(latencyBuckets))}
}

func (m *metrics) observe(code int, seconds float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[fmt.Sprint(code)]++
	for i, le := range latencyBuckets {
		if seconds <= le {
			m.buckets[i]++
		}
	}
	m.sum += seconds
	m.count++
}

func (m *metrics) write(w http.ResponseWriter) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder
	b.WriteString("# TYPE http_requests_total counter\n")
	codes := make([]string, 0, len(m.requests))
	for code := range m.requests {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		fmt.Fprintf(&b, "http_requests_total{code=%q} %d\n", code, m.requests[code])
	}
	b.WriteString("# TYPE http_request_duration_seconds histogram\n")
	for i, le := range latencyBuckets {
		fmt.Fprintf(&b, "http_request_duration_seconds_bucket{le=\"%g\"} %d\n", le, m.buckets[i])
	}
	fmt.Fprintf(&b, "http_request_duration_seconds_bucket{le=\"+Inf\"} %d\n", m.count)
	fmt.Fprintf(&b, "http_request_duration_seconds_sum %g\nhttp_request_duration_seconds_count %d\n", m.sum, m.count)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	_, _ = w.Write([]byte(b.String()))
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

func instrument(m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		m.observe(rec.code, time.Since(start).Seconds())
	})
}

func newHandler(m *metrics) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ready"}`))
	})
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, _ *http.Request) { m.write(w) })
	mux.Handle("/", instrument(m, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, "hello from %s\n", serviceName)
	})))
	return mux
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "${{ values.port }}"
	}
	server := &http.Server{
		Addr:              ":" + port,
		Handler:           newHandler(newMetrics()),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("%s listening on %s", serviceName, server.Addr)
	log.Fatal(server.ListenAndServe())
}
