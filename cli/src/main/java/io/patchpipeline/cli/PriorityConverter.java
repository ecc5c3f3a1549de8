package io.patchpipeline.cli;

import io.patchpipeline.engine.policy.Priority;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads P0..P3 for picocli, with the engine's message on a bad value. */
final class PriorityConverter implements ITypeConverter<Priority> {
  @Override
  public Priority convert(String value) {
    try {
      return Priority.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
