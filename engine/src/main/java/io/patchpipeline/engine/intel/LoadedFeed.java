package io.patchpipeline.engine.intel;

/** A feed's data together with the description that the record cites. */
public record LoadedFeed<T>(T data, FeedInfo info) {}
