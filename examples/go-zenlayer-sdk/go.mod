module example.com/bmc-integration

go 1.19

require github.com/zenlayer/zenlayercloud-sdk-go v0.2.45
