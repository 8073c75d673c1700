/**
 * scalecube-cluster 2.7.10, the membership library a Java user would pick instead of memberlist-java,
 * behind the side-by-side harness's peer protocol: gopeer's flags ({@code -name}, {@code -port},
 * {@code -join}, {@code -config}, {@code -lifetime}), its stdin commands ({@code join}, {@code members},
 * {@code stats}, {@code leave}, {@code quit}) and its JSON-line events ({@code ready}, {@code join},
 * {@code leave}, {@code joined}, {@code members}, {@code stats}, {@code left}, {@code error},
 * {@code expired}). One process is one member, as for gopeer and the memberlist agent.
 */
package dev.memberlist.bench.scalecube;
