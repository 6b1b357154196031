target "base-a" {
  context = "services/base-a"
  dockerfile = "Dockerfile"
  tags = ["bench-r1-1027123073-linuxamd64-bake/base-a:latest"]
  cache-from = ["type=local,src=.cache/bake/base-a"]
  cache-to = ["type=local,dest=.cache/bake/base-a,mode=max"]
  attest = ["type=provenance,disabled=true"]
}
target "base-b" {
  context = "services/base-b"
  dockerfile = "Dockerfile"
  tags = ["bench-r1-1027123073-linuxamd64-bake/base-b:latest"]
  contexts = { base-a = "target:base-a" }
  cache-from = ["type=local,src=.cache/bake/base-b"]
  cache-to = ["type=local,dest=.cache/bake/base-b,mode=max"]
  attest = ["type=provenance,disabled=true"]
}
target "base-c" {
  context = "services/base-c"
  dockerfile = "Dockerfile"
  tags = ["bench-r1-1027123073-linuxamd64-bake/base-c:latest"]
  contexts = { base-b = "target:base-b" }
  cache-from = ["type=local,src=.cache/bake/base-c"]
  cache-to = ["type=local,dest=.cache/bake/base-c,mode=max"]
  attest = ["type=provenance,disabled=true"]
}
target "base-d" {
  context = "services/base-d"
  dockerfile = "Dockerfile"
  tags = ["bench-r1-1027123073-linuxamd64-bake/base-d:latest"]
  contexts = { base-c = "target:base-c" }
  cache-from = ["type=local,src=.cache/bake/base-d"]
  cache-to = ["type=local,dest=.cache/bake/base-d,mode=max"]
  attest = ["type=provenance,disabled=true"]
}
target "svc-1" {
  context = "services/svc-1"
  dockerfile = "Dockerfile"
  tags = ["bench-r1-1027123073-linuxamd64-bake/svc-1:latest"]
  contexts = { base-d = "target:base-d" }
  cache-from = ["type=local,src=.cache/bake/svc-1"]
  cache-to = ["type=local,dest=.cache/bake/svc-1,mode=max"]
  attest = ["type=provenance,disabled=true"]
}
target "svc-2" {
  context = "services/svc-2"
  dockerfile = "Dockerfile"
  tags = ["bench-r1-1027123073-linuxamd64-bake/svc-2:latest"]
  contexts = { base-d = "target:base-d" }
  cache-from = ["type=local,src=.cache/bake/svc-2"]
  cache-to = ["type=local,dest=.cache/bake/svc-2,mode=max"]
  attest = ["type=provenance,disabled=true"]
}
target "svc-3" {
  context = "services/svc-3"
  dockerfile = "Dockerfile"
  tags = ["bench-r1-1027123073-linuxamd64-bake/svc-3:latest"]
  contexts = { base-d = "target:base-d" }
  cache-from = ["type=local,src=.cache/bake/svc-3"]
  cache-to = ["type=local,dest=.cache/bake/svc-3,mode=max"]
  attest = ["type=provenance,disabled=true"]
}
group "default" {
  targets = ["base-a","base-b","base-c","base-d","svc-1","svc-2","svc-3"]
}
