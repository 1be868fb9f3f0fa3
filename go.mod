module github.com/libjsvm/libjsvm

go 1.26.8

require github.com/buke/quickjs-go v0.7.7
