// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

/**
 * A container of items. The real type extends {@code PersistenceRoot} and {@code ModelObject} and
 * has abstract methods; the plugin only passes it, as {@code null}, to a credentials lookup.
 */
public interface ItemGroup<T extends Item> {}
