namespace OrderActors.Common;

/// <summary>How long a grain lends what placement reads of it to a silo's cache (section <c>ReadLeases</c>).</summary>
public sealed class ReadLeaseOptions
{
    /// <summary>
    /// Zero lends nothing. Longer saves more calls; it is also the longest a change waits when a silo that holds
    /// a lease has died without answering its revocation.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(4);
}
