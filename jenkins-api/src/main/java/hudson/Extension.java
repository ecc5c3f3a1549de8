// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.java.sezpoz.Indexable;

/**
 * Marks an extension that Jenkins discovers through the SezPoz index. {@code @Indexable} makes the
 * SezPoz processor write {@code META-INF/annotations/hudson.Extension} for the annotated elements.
 */
@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {}
