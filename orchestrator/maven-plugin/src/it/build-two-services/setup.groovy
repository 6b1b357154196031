// Busybox from the repository's fetch script (downloaded once per checkout), and a unique image
// namespace so that the test sees only its own images and the first build is cold.
def busybox = new File(repositoryRoot, '.cache/fixtures/busybox')
def fetch = ['bash', new File(repositoryRoot, 'orchestrator/scripts/fetch-busybox.sh').path, busybox.path].execute()
fetch.waitForProcessOutput(System.out, System.err)
assert fetch.exitValue() == 0
['amd64', 'arm64'].each { arch ->
  def target = new File(basedir, "services/base/busybox-${arch}")
  target.bytes = new File(busybox, "busybox-${arch}").bytes
  target.setExecutable(true, false)
}
def namespace = 'it-' + UUID.randomUUID().toString().substring(0, 8)
new File(basedir, 'namespace').text = namespace
new File(basedir, 'services/base/namespace.txt').text = namespace
new File(basedir, 'buildx-profiles').mkdirs()
new File(basedir, 'buildx-profiles/local.yaml').text = """\
platforms: [host]
output: load
namespace: ${namespace}
cache: {type: local, dir: .cache/buildx, mode: max}
jobs: 2
"""
return true
