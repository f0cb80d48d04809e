import { useQuery } from '@tanstack/react-query';
import type { ExpertCandidate, MyReview } from '../../../../common/schemas/applications';
import type {
  AssessmentDetail,
  AssessmentListItem,
  Campaign,
  CampaignBoard,
  StudioChange,
} from '../../../../common/schemas/assessments';
import type { Rulebook } from '../../../../common/schemas/rulebooks';
import { api } from '../../shared/api/client';

export const assessmentKeys = {
  all: ['assessments'] as const,
  campaigns: ['assessments', 'campaigns'] as const,
  campaign: (id: number) => ['assessments', 'campaigns', id] as const,
  mine: ['assessments', 'mine'] as const,
  one: (id: number) => ['assessments', id] as const,
  myReview: (id: number) => ['assessments', id, 'my-review'] as const,
  candidates: (id: number) => ['assessments', id, 'candidates'] as const,
  changes: (studioId: number) => ['studio-changes', studioId] as const,
};

export const useCampaigns = () =>
  useQuery({
    queryKey: assessmentKeys.campaigns,
    queryFn: () => api<Campaign[]>('/api/assessment-campaigns'),
  });

export const useCampaign = (id: number) =>
  useQuery({
    queryKey: assessmentKeys.campaign(id),
    queryFn: () => api<CampaignBoard>(`/api/assessment-campaigns/${id}`),
    enabled: id > 0,
  });

export const useMyAssessments = () =>
  useQuery({
    queryKey: assessmentKeys.mine,
    queryFn: () => api<AssessmentListItem[]>('/api/assessments/mine'),
  });

export const useAssessment = (id: number) =>
  useQuery({
    queryKey: assessmentKeys.one(id),
    queryFn: () => api<AssessmentDetail>(`/api/assessments/${id}`),
    enabled: id > 0,
  });

export const useMyAssessmentReview = (id: number) =>
  useQuery({
    queryKey: assessmentKeys.myReview(id),
    queryFn: () => api<MyReview>(`/api/assessments/${id}/my-review`),
    enabled: id > 0,
  });

export const useReviewerCandidates = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: assessmentKeys.candidates(id),
    queryFn: () => api<ExpertCandidate[]>(`/api/assessments/${id}/reviewer-candidates`),
    enabled: enabled && id > 0,
  });

export const useStudioChanges = (studioId: number) =>
  useQuery({
    queryKey: assessmentKeys.changes(studioId),
    queryFn: () => api<StudioChange[]>('/api/studio-changes', { query: { studioId } }),
    enabled: studioId > 0,
  });

export const useAssessmentRulebook = (id: number | undefined) =>
  useQuery({
    queryKey: ['rulebooks', id],
    queryFn: () => api<Rulebook>(`/api/rulebooks/${id}`),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useAssessmentRulebooks = (enabled: boolean) =>
  useQuery({
    queryKey: ['rulebooks', 'assessment', 'all'],
    queryFn: () =>
      api<Rulebook[]>('/api/rulebooks', { query: { purpose: 'assessment', allVersions: 'true' } }),
    enabled,
  });
