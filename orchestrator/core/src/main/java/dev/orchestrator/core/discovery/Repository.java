package dev.orchestrator.core.discovery;

import dev.orchestrator.core.config.RepositoryConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A discovered monorepo: its root, its configuration and its services sorted by name. */
public record Repository(Path root, RepositoryConfig config, List<Service> services) {

  public Repository {
    services = List.copyOf(services);
  }

  public Map<String, Service> byName() {
    Map<String, Service> map = new LinkedHashMap<>();
    services.forEach(s -> map.put(s.name(), s));
    return map;
  }

  public Optional<Service> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
