import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  getNotificationSettings,
  saveNotificationSettings,
  type NotificationSettingsInput,
} from "../api/notifications.api";

const key = (slug: string) => ["company", slug, "setup", "notifications"] as const;

export function useNotificationSettings(slug: string, enabled = true) {
  return useQuery({ queryKey: key(slug), queryFn: () => getNotificationSettings(slug), enabled });
}

export function useSaveNotificationSettings(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsInput) => saveNotificationSettings(slug, body),
    onSuccess: (saved) => client.setQueryData(key(slug), saved),
  });
}
