// The Go program of test/surface/zenlayer-go-sdk.test.ts: Zenlayer's official Go SDK, read in place from
// ../shared/corpus (beside the project root, in CI clones too), built offline (GOPROXY=off).
module conformance.local/zenlayer-go

go 1.19

require github.com/zenlayer/zenlayercloud-sdk-go v0.0.0

replace github.com/zenlayer/zenlayercloud-sdk-go => ../../../../shared/corpus/zenlayercloud-sdk-go
