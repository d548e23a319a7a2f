package ru.kuzbass.edu.workflows.cadrereserve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The coordinator's starting point for level-2 teams: as few teams as the team size allows, and
 * the candidates of each municipality dealt out in turn, so that every team mixes municipalities
 * and no team is more than one member larger than another.
 */
final class TeamFormation {
  private TeamFormation() {}

  record Member(long candidateId, String municipality, int rank) {}

  static List<List<Long>> propose(List<Member> members, int teamSize) {
    if (members.isEmpty()) {
      return List.of();
    }
    int teams = (members.size() + teamSize - 1) / teamSize;
    List<Member> dealt = new ArrayList<>(members);
    dealt.sort(Comparator.comparing(Member::municipality).thenComparingInt(Member::rank).thenComparingLong(Member::candidateId));
    List<List<Long>> result = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      result.add(new ArrayList<>());
    }
    for (int i = 0; i < dealt.size(); i++) {
      result.get(i % teams).add(dealt.get(i).candidateId());
    }
    return result;
  }
}
