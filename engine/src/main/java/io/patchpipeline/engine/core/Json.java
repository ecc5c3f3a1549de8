package io.patchpipeline.engine.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The engine's configured Jackson mappers and factories; one place for their settings. */
public final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(64 * 1024 * 1024)
                  .maxNestingDepth(200)
                  .build())
          .build();

  private static final ObjectMapper MAPPER =
      configure(JsonMapper.builder(FACTORY).build()).enable(SerializationFeature.INDENT_OUTPUT);

  private static final ObjectMapper YAML = configure(YAMLMapper.builder(new YAMLFactory()).build());

  private Json() {}

  /** Returns the streaming factory every parser uses, with limits against hostile input. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /**
   * Returns the mapper for records and summaries: ISO dates, no null or empty optional values, and
   * unknown fields ignored.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Returns the mapper for policy, inventory and plan files. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);
  }
}
