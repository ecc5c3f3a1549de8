package io.jenkins.plugins.patchpipeline;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Reads a step's parameter names the way Jenkins does: the {@code @DataBoundConstructor}'s
 * parameter names (compiled with {@code -parameters}) and the {@code @DataBoundSetter} methods.
 */
final class StepParameters {
  private StepParameters() {}

  /** Returns the names of the constructor's parameters, which every call must give. */
  static Set<String> required(Class<?> step) {
    Set<String> names = new LinkedHashSet<>();
    for (Parameter parameter : dataBoundConstructor(step).getParameters()) {
      if (!parameter.isNamePresent()) {
        throw new IllegalStateException(step + " was compiled without -parameters");
      }
      names.add(parameter.getName());
    }
    return names;
  }

  /** Returns the names of the {@code @DataBoundSetter} properties. */
  static Set<String> optional(Class<?> step) {
    Set<String> names = new LinkedHashSet<>();
    for (Method method : step.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class)) {
        names.add(Introspector.decapitalize(method.getName().substring("set".length())));
      }
    }
    return names;
  }

  static Set<String> all(Class<?> step) {
    Set<String> names = new LinkedHashSet<>(required(step));
    names.addAll(optional(step));
    return names;
  }

  static Constructor<?> dataBoundConstructor(Class<?> step) {
    for (Constructor<?> constructor : step.getConstructors()) {
      if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
        return constructor;
      }
    }
    throw new IllegalStateException(step + " has no public @DataBoundConstructor");
  }
}
