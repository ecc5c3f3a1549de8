// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3; compile-only signature, never packaged.
package hudson.model;

/**
 * A group of items, such as Jenkins itself or a folder. The real type declares the item accessors;
 * plugin code only passes a group to the credentials store.
 */
public interface ItemGroup<T extends Item> extends PersistenceRoot, ModelObject {}
