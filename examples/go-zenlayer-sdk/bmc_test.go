// Integration tests of a program that manages Zenlayer bare-metal servers, as an SDK user's or the SDK
// team's own: the official Go SDK's bmc client with its defaults (https://console.zenlayer.com) and the
// credentials of the SDK's variables. Nothing here knows about conformance: run them as
//
//	conformance proxy -- go test ./...
//
// and every answer they get is also judged against Zenlayer's documented envelopes.
package bmcintegration

import (
	"errors"
	"os"
	"testing"

	bmc "github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/bmc20221120"
	"github.com/zenlayer/zenlayercloud-sdk-go/zenlayercloud/common"
)

// newClient is the SDK's own client with its default configuration (endpoint, scheme, timeouts).
func newClient(t *testing.T) *bmc.Client {
	t.Helper()
	keyID := os.Getenv("ZENLAYERCLOUD_ACCESS_KEY_ID")
	keyPassword := os.Getenv("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD")
	if keyID == "" || keyPassword == "" {
		t.Skip("ZENLAYERCLOUD_ACCESS_KEY_ID and ZENLAYERCLOUD_ACCESS_KEY_PASSWORD are not set")
	}
	client, err := bmc.NewClientWithSecretKey(keyID, keyPassword)
	if err != nil {
		t.Fatalf("NewClientWithSecretKey: %v", err)
	}
	return client
}

func TestDescribeZones(t *testing.T) {
	response, err := newClient(t).DescribeZones(bmc.NewDescribeZonesRequest())
	if err != nil {
		t.Fatalf("DescribeZones: %v", err)
	}
	if response.RequestId == "" || response.Response == nil {
		t.Fatalf("DescribeZones: no requestId or no response in %+v", response)
	}
	for _, zone := range response.Response.ZoneSet {
		if zone.ZoneId == "" {
			t.Errorf("DescribeZones: a zone without zoneId: %+v", zone)
		}
	}
}

func TestDescribeInstances(t *testing.T) {
	request := bmc.NewDescribeInstancesRequest()
	request.PageSize = 10
	request.PageNum = 1
	response, err := newClient(t).DescribeInstances(request)
	if err != nil {
		t.Fatalf("DescribeInstances: %v", err)
	}
	if response.Response == nil {
		t.Fatal("DescribeInstances: no response")
	}
	if got := len(response.Response.DataSet); got > 10 {
		t.Errorf("DescribeInstances: %d instances on a page of 10", got)
	}
	if response.Response.TotalCount < len(response.Response.DataSet) {
		t.Errorf("DescribeInstances: totalCount %d < %d listed", response.Response.TotalCount, len(response.Response.DataSet))
	}
}

func TestDescribeImages(t *testing.T) {
	response, err := newClient(t).DescribeImages(bmc.NewDescribeImagesRequest())
	if err != nil {
		t.Fatalf("DescribeImages: %v", err)
	}
	if response.Response == nil {
		t.Fatal("DescribeImages: no response")
	}
	for _, image := range response.Response.Images {
		if image.ImageId == "" {
			t.Errorf("DescribeImages: an image without imageId: %+v", image)
		}
	}
}

// An unknown zone is the documented INVALID_ZONE_NOT_FOUND error (Zenlayer's failed-request example),
// which the SDK returns as a *common.ZenlayerCloudSdkError.
func TestDescribeInstancesInAnUnknownZone(t *testing.T) {
	request := bmc.NewDescribeInstancesRequest()
	request.ZoneId = "SEL--A"
	_, err := newClient(t).DescribeInstances(request)
	var sdkError *common.ZenlayerCloudSdkError
	if !errors.As(err, &sdkError) {
		t.Fatalf("DescribeInstances in zone SEL--A: want a ZenlayerCloudSdkError, got %v", err)
	}
	if sdkError.Code != "INVALID_ZONE_NOT_FOUND" {
		t.Errorf("DescribeInstances in zone SEL--A: code %q, want INVALID_ZONE_NOT_FOUND (%v)", sdkError.Code, err)
	}
	if sdkError.RequestId == "" {
		t.Errorf("DescribeInstances in zone SEL--A: the error has no requestId (%v)", err)
	}
}
