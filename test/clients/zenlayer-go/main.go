// Command zenlayer-go calls every method of Zenlayer's official Go SDK (zenlayercloud-sdk-go, the
// bmc 2022-11-20 Client) once against one endpoint, then one method with a wrong access key password, and
// prints one JSON line per call on standard output. It exits 0 whatever the calls answered (the test
// judges the lines) and 2 when it cannot start (a flag or the client).
//
// Built and run by test/surface/zenlayer-go-sdk.test.ts against the built-in sandbox:
//
//	zenlayer-go -endpoint 127.0.0.1:PORT -scheme http
//
// The access key is read from -key-id and -key-password, else from ZENLAYERCLOUD_ACCESS_KEY_ID and
// ZENLAYERCLOUD_ACCESS_KEY_PASSWORD. The calls themselves are in calls.go, generated from the SDK's
// client.go by scripts/gen-go-calls.ts.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"

	bmc "github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/bmc20221120"
	"github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/common"
)

// bmcCall is one method of the Client: its name, the X-ZC-Action its request sends, and a call of it.
type bmcCall struct {
	method string
	action string
	call   func(c *bmc.Client) (interface{}, error)
}

// line is what is printed of one call.
type line struct {
	Kind   string `json:"kind"` // "call", or "wrong-secret" for the call signed with a wrong password
	Method string `json:"method"`
	Action string `json:"action"`
	OK     bool   `json:"ok"`
	// The outer requestId of the parsed answer, and the one inside its response (success only).
	RequestID         string `json:"requestId,omitempty"`
	ResponseRequestID string `json:"responseRequestId,omitempty"`
	HasResponse       bool   `json:"hasResponse"`
	// The error, when the call failed: its text, its Go type, and what a *common.ZenlayerCloudSdkError holds.
	Error          string `json:"error,omitempty"`
	ErrorType      string `json:"errorType,omitempty"`
	Code           string `json:"code,omitempty"`
	Message        string `json:"message,omitempty"`
	ErrorRequestID string `json:"errorRequestId,omitempty"`
	ElapsedMs      int64  `json:"elapsedMs"`
}

// prepare gives a request the parameters without which its action is refused whatever the target
// (src/providers/zenlayer/bmc/product.ts, calls); every other request is sent as its constructor made it.
func prepare(request interface{}) {
	switch r := request.(type) {
	case *bmc.CreateInstancesRequest:
		r.ZoneId = "HKG-A"
		r.InstanceTypeId = "M6C"
		r.ImageId = "img-conformance"
		r.InstanceName = "conformance-test"
	}
}

// deref follows pointers and interfaces; the zero Value when one of them is nil.
func deref(value reflect.Value) reflect.Value {
	for value.Kind() == reflect.Ptr || value.Kind() == reflect.Interface {
		if value.IsNil() {
			return reflect.Value{}
		}
		value = value.Elem()
	}
	return value
}

// field is the string (or *string: the models use both) field `name` of the struct `value` is or points
// at, or "" when it has none.
func field(value reflect.Value, name string) string {
	value = deref(value)
	if value.Kind() != reflect.Struct {
		return ""
	}
	f := deref(value.FieldByName(name))
	if f.Kind() != reflect.String {
		return ""
	}
	return f.String()
}

// describe turns the result of one call into its line.
func describe(kind, method, action string, response interface{}, err error, elapsed time.Duration) line {
	out := line{Kind: kind, Method: method, Action: action, OK: err == nil, ElapsedMs: elapsed.Milliseconds()}
	if err != nil {
		out.Error = err.Error()
		out.ErrorType = fmt.Sprintf("%T", err)
		if sdkError, ok := err.(*common.ZenlayerCloudSdkError); ok {
			out.Code = sdkError.GetCode()
			out.Message = sdkError.GetMessage()
			out.ErrorRequestID = sdkError.GetRequestId()
		}
		return out
	}
	value := deref(reflect.ValueOf(response))
	out.RequestID = field(value, "RequestId")
	if value.Kind() == reflect.Struct {
		// A *XxxResponseParams (nil unless the answer had a response object) or an inline struct.
		if inner := deref(value.FieldByName("Response")); inner.IsValid() {
			out.HasResponse = true
			out.ResponseRequestID = field(inner, "RequestId")
		}
	}
	return out
}

func newClient(scheme, endpoint, keyID, keyPassword string, timeout int) (*bmc.Client, error) {
	config := common.NewConfig()
	config.Scheme = scheme
	config.Domain = endpoint
	config.Timeout = timeout
	// A throttled answer is a failure to report, not something to wait out with the SDK's backoff.
	config.RateLimitExceededMaxRetries = 0
	return bmc.NewClient(config, keyID, keyPassword)
}

func main() {
	endpoint := flag.String("endpoint", os.Getenv("ZENLAYER_ENDPOINT"), "host[:port] of the target (the SDK's Config.Domain)")
	scheme := flag.String("scheme", "http", "http or https (the SDK's Config.Scheme)")
	keyID := flag.String("key-id", os.Getenv("ZENLAYERCLOUD_ACCESS_KEY_ID"), "access key id")
	keyPassword := flag.String("key-password", os.Getenv("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD"), "access key password")
	timeout := flag.Int("timeout", 10, "seconds each call may take (the SDK's Config.Timeout)")
	wrongSecretMethod := flag.String("wrong-secret-method", "DescribeInstances", "the method called once more with a wrong password")
	flag.Parse()
	if *endpoint == "" || *keyID == "" || *keyPassword == "" {
		fmt.Fprintln(os.Stderr, "zenlayer-go: -endpoint, -key-id and -key-password (or their variables) are required")
		os.Exit(2)
	}

	client, err := newClient(*scheme, *endpoint, *keyID, *keyPassword, *timeout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "zenlayer-go: cannot make the client: %v\n", err)
		os.Exit(2)
	}
	wrong, err := newClient(*scheme, *endpoint, *keyID, *keyPassword+"-wrong", *timeout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "zenlayer-go: cannot make the client with a wrong password: %v\n", err)
		os.Exit(2)
	}

	encoder := json.NewEncoder(os.Stdout)
	emit := func(out line) {
		if err := encoder.Encode(out); err != nil {
			fmt.Fprintf(os.Stderr, "zenlayer-go: cannot write: %v\n", err)
			os.Exit(2)
		}
	}
	var probe *bmcCall
	for i := range bmcCalls {
		c := &bmcCalls[i]
		if strings.EqualFold(c.method, *wrongSecretMethod) {
			probe = c
		}
		started := time.Now()
		response, err := c.call(client)
		emit(describe("call", c.method, c.action, response, err, time.Since(started)))
	}
	if probe == nil {
		fmt.Fprintf(os.Stderr, "zenlayer-go: the Client has no method %s\n", *wrongSecretMethod)
		os.Exit(2)
	}
	started := time.Now()
	response, err := probe.call(wrong)
	emit(describe("wrong-secret", probe.method, probe.action, response, err, time.Since(started)))
}
