namespace CacheRefresh;

/// <summary>A worker's acknowledgement of a <see cref="RefreshCache"/>.</summary>
public sealed record CacheRefreshed(string Worker, string Cache);
