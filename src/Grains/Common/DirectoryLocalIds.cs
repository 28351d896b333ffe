using Orleans.Runtime;

namespace OrderActors.Common;

/// <summary>
/// Fresh ids for new grains whose entry in Orleans' grain directory this silo holds. Orleans looks a grain up
/// before its first activation and registers the activation afterwards, each with the silo that owns the id's
/// place on the directory's hash ring: two round trips to another silo for most new grains, on the path of the
/// call that creates it. A grain created here under an id owned here is looked up and registered in this process.
/// </summary>
/// <remarks>
/// The ring is the default directory's: active silos placed by <see cref="SiloAddress.GetConsistentHashCode()"/>,
/// an id owned by the silo at or before its <see cref="GrainId.GetUniformHashCode"/> (the last silo when none is).
/// Only the cost of the directory calls depends on it: an id owned elsewhere (a membership change under way,
/// another directory configured) is looked up and registered remotely, as any id was before.
/// </remarks>
public sealed class DirectoryLocalIds(IClusterMembershipService membership, ILocalSiloDetails silo)
{
    /// <summary>
    /// Candidates drawn at most before taking one owned elsewhere (a candidate costs well under a microsecond). A
    /// silo owns 1/n of the ring on average, but each silo has one place on it, so a share can be far smaller.
    /// </summary>
    public const int MaxCandidates = 512;

    /// <summary>Below this share of the ring, drawing is not worth its cost: ids are taken as they come.</summary>
    public const double MinShare = 0.01;

    private volatile Ring? _ring;

    /// <summary>An id from <paramref name="candidate"/> that this silo's directory partition owns, when one turns up.</summary>
    public string New(GrainType type, Func<string> candidate)
    {
        var ring = CurrentRing();
        var id = candidate();
        for (var drawn = 1; drawn < MaxCandidates && ring.Share >= MinShare && !ring.IsMine(GrainId.Create(type, id)); drawn++)
        {
            id = candidate();
        }

        return id;
    }

    /// <summary>Whether this silo's directory partition owns <paramref name="grainId"/>, as far as this silo's membership view goes.</summary>
    public bool OwnsHere(GrainId grainId) => CurrentRing().IsMine(grainId);

    /// <summary>The part of the ring this silo owns, from 0 to 1.</summary>
    public double Share => CurrentRing().Share;

    private Ring CurrentRing()
    {
        var snapshot = membership.CurrentSnapshot;
        var ring = _ring;
        if (ring is null || ring.Version != snapshot.Version)
        {
            _ring = ring = new Ring(snapshot, silo.SiloAddress);
        }

        return ring;
    }

    private sealed class Ring
    {
        private readonly int[] _hashes;
        private readonly bool[] _mine;

        public Ring(ClusterMembershipSnapshot snapshot, SiloAddress me)
        {
            Version = snapshot.Version;
            var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)
                .OrderBy(s => s.GetConsistentHashCode()).ToArray();
            _hashes = active.Select(s => s.GetConsistentHashCode()).ToArray();
            _mine = active.Select(s => s.Equals(me)).ToArray();

            // Each silo owns the arc from its place to the next silo's (the last one's wraps round past zero).
            long owned = 0;
            for (var i = 0; i < _hashes.Length; i++)
            {
                var next = i + 1 < _hashes.Length ? _hashes[i + 1] : _hashes[0] + (1L << 32);
                owned += _mine[i] ? next - _hashes[i] : 0;
            }

            Share = owned / (double)(1L << 32);
        }

        public MembershipVersion Version { get; }

        public double Share { get; }

        public bool IsMine(GrainId grainId)
        {
            if (_hashes.Length == 0)
            {
                return false;
            }

            // The last silo placed at or before the id's hash; before the first silo the ring wraps to the last one.
            var hash = unchecked((int)grainId.GetUniformHashCode());
            var at = Array.BinarySearch(_hashes, hash);
            var owner = at >= 0 ? LastOf(at) : ~at - 1;
            return _mine[owner < 0 ? _hashes.Length - 1 : owner];
        }

        /// <summary>Of silos placed at the same hash, Orleans' traversal from the end meets the last one first.</summary>
        private int LastOf(int index)
        {
            while (index + 1 < _hashes.Length && _hashes[index + 1] == _hashes[index])
            {
                index++;
            }

            return index;
        }
    }
}
