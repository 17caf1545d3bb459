namespace PublishedObject;

/// <summary>A result that crosses the processes: allowed by the configuration (PublishedObject.*).</summary>
public sealed record Statistics(int Count, int Min, int Max, double Mean);
