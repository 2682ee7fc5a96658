package dev.atelier.video;

/** Where a run's time went, in nanoseconds (each part summed over the frames done so far). */
public record VideoTimings(long decode, long flow, long warp, long network, long encode, long save) {

    public long total() {
        return decode + flow + warp + network + encode + save;
    }
}
